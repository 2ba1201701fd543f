import type { MigrationInterface, QueryRunner } from 'typeorm';
import seed from '../../resources/seed/pingluo.json';
import { migrationName } from './name';

/**
 * The shared catalogue travels from the county to its townships (issue 14): dispute types and
 * the shared settings (deadline rules, document settings, the review standard) get the sync
 * columns every exchanged record has. They are keyed by their code or setting key, which every
 * installation already agrees on (the shipped seed), and they are the county center's: its
 * fixed id (resources/seed/pingluo.json) is their origin office wherever they are stored.
 *
 * Their version moves by trigger, so every way they are written (the catalogue screen, the
 * settings screen, a later seed) counts as a change the next package carries: a write that
 * changes the content but neither the version nor the time stamp is a local edit. A write
 * from an exchange package sets both and is left as it came.
 */
const EPOCH = '1970-01-01T00:00:00.000Z';
const NOW = `strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`;
const SHARED_SETTINGS = [
  'mediationLimitDays',
  'courtEntrustedOrdinaryDays',
  'courtEntrustedSummaryDays',
  'returnVisitDelayDays',
  'documents.defaultCourt',
  'documents.dateStyle',
  'documents.retention',
  'dossier.reviewChecklist',
];

function syncColumns(county: string): string[] {
  return [
    `origin_office_id TEXT NOT NULL DEFAULT '${county}'`,
    `version INTEGER NOT NULL DEFAULT 1`,
    `created_at TEXT NOT NULL DEFAULT '${EPOCH}'`,
    `updated_at TEXT NOT NULL DEFAULT '${EPOCH}'`,
    `deleted_at TEXT`,
  ];
}

/** Stamps a new row's times, and bumps the version of a row whose content changed locally. */
function triggers(table: string, key: string, content: string[], only = ''): string[] {
  const changed = content.map((c) => `NEW.${c} IS NOT OLD.${c}`).join(' OR ');
  const when = only ? `${only} AND ` : '';
  return [
    `CREATE TRIGGER tr_${table}_stamp AFTER INSERT ON ${table}
       WHEN ${when}NEW.updated_at = '${EPOCH}' AND NEW.version = 1
       BEGIN UPDATE ${table} SET created_at = ${NOW}, updated_at = ${NOW} WHERE ${key} = NEW.${key}; END`,
    `CREATE TRIGGER tr_${table}_version AFTER UPDATE ON ${table}
       WHEN ${when}NEW.version = OLD.version AND NEW.updated_at IS OLD.updated_at AND (${changed})
       BEGIN UPDATE ${table} SET version = OLD.version + 1, updated_at = ${NOW} WHERE ${key} = NEW.${key}; END`,
  ];
}

export class ExchangeCatalogue0022 implements MigrationInterface {
  name = migrationName('ExchangeCatalogue', 22);

  async up(q: QueryRunner): Promise<void> {
    const county = seed.organisations.find((o) => o.kind === 'county_center')!.id;
    for (const table of ['dispute_types', 'settings'])
      for (const column of syncColumns(county)) await q.query(`ALTER TABLE ${table} ADD COLUMN ${column}`);
    for (const sql of triggers('dispute_types', 'code', ['name', 'official_code', 'active', 'sort']))
      await q.query(sql);
    const shared = `NEW.key IN (${SHARED_SETTINGS.map((k) => `'${k}'`).join(', ')})`;
    for (const sql of triggers('settings', 'key', ['value'], shared)) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['dispute_types', 'settings']) {
      await q.query(`DROP TRIGGER tr_${table}_version`);
      await q.query(`DROP TRIGGER tr_${table}_stamp`);
      for (const column of ['deleted_at', 'updated_at', 'created_at', 'version', 'origin_office_id'])
        await q.query(`ALTER TABLE ${table} DROP COLUMN ${column}`);
    }
  }
}
