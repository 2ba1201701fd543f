import type { MigrationInterface, QueryRunner } from 'typeorm';
import seed from '../../resources/seed/pingluo.json';
import disputeTypes from '../../resources/seed/dispute-types.json';
import { syncableSql } from '../entities/columns';
import { migrationName } from './name';

const DEFAULT_PATTERN = '（{year}）{abbr}调字第{seq:4}号';

/**
 * The intake desk: organisations (committees, seeded for Pingluo), dispute types (the 18
 * official ones plus local sub-types), villages, parties, cases and their parties, case-number
 * sequences and the ledger of every number issued, change history, 不予受理 records, drafts and
 * the full-text search index.
 */
export class Intake0002 implements MigrationInterface {
  name = migrationName('Intake', 2);

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE organisations (${syncableSql},
      name TEXT NOT NULL,
      kind TEXT NOT NULL,
      parent_id TEXT REFERENCES organisations(id),
      abbreviation TEXT NOT NULL,
      case_number_pattern TEXT NOT NULL,
      township TEXT,
      address TEXT,
      active_from TEXT,
      active_to TEXT,
      sort INTEGER NOT NULL DEFAULT 0
    )`);
    await q.query(`CREATE INDEX ix_organisations_parent ON organisations(parent_id)`);

    await q.query(`CREATE TABLE dispute_types (
      code TEXT PRIMARY KEY NOT NULL,
      name TEXT NOT NULL,
      official_code TEXT REFERENCES dispute_types(code),
      active BOOLEAN NOT NULL DEFAULT 1,
      sort INTEGER NOT NULL DEFAULT 0
    )`);

    await q.query(`CREATE TABLE villages (${syncableSql},
      township TEXT NOT NULL,
      name TEXT NOT NULL,
      active BOOLEAN NOT NULL DEFAULT 1
    )`);
    await q.query(
      `CREATE UNIQUE INDEX ux_villages_name ON villages(township, name) WHERE deleted_at IS NULL`,
    );

    // One record per person or organisation, reused across cases. Full ID numbers live only here,
    // never in the search index; id_suffix (last 4) is what list search uses.
    await q.query(`CREATE TABLE parties (${syncableSql},
      kind TEXT NOT NULL CHECK (kind IN ('person', 'organisation')),
      name TEXT NOT NULL,
      sex TEXT,
      ethnicity TEXT,
      birth_date TEXT,
      id_type TEXT,
      id_number TEXT,
      id_suffix TEXT,
      occupation TEXT,
      credit_code TEXT,
      representative TEXT,
      representative_title TEXT,
      address TEXT,
      phone TEXT
    )`);
    await q.query(
      `CREATE UNIQUE INDEX ux_parties_id ON parties(id_type, id_number) WHERE id_number IS NOT NULL AND deleted_at IS NULL`,
    );
    await q.query(
      `CREATE UNIQUE INDEX ux_parties_credit ON parties(credit_code) WHERE credit_code IS NOT NULL AND deleted_at IS NULL`,
    );
    await q.query(`CREATE INDEX ix_parties_suffix ON parties(id_suffix)`);
    // No index on phone: phones are found through the search index (full number, last 4).
    await q.query(`CREATE INDEX ix_parties_name ON parties(name)`);

    await q.query(`CREATE TABLE cases (${syncableSql},
      case_number TEXT NOT NULL,
      committee_id TEXT NOT NULL REFERENCES organisations(id),
      number_year INTEGER NOT NULL,
      number_seq INTEGER NOT NULL,
      status TEXT NOT NULL,
      dispute_type TEXT NOT NULL REFERENCES dispute_types(code),
      source TEXT NOT NULL,
      township TEXT NOT NULL,
      village TEXT,
      received_on TEXT NOT NULL,
      received_by TEXT NOT NULL,
      received_by_name TEXT NOT NULL,
      summary TEXT NOT NULL,
      requests TEXT NOT NULL,
      amount_fen INTEGER,
      risk_level TEXT NOT NULL,
      risk_flags TEXT NOT NULL DEFAULT '[]',
      party_names TEXT NOT NULL,
      repeat_reason TEXT,
      void_reason TEXT
    )`);
    await q.query(`CREATE UNIQUE INDEX ux_cases_number ON cases(case_number)`);
    // The case list (db/repositories/caseList.ts picks one of these per query). The three sort
    // orders lead with deleted_at, so "live cases in this order" is one range of one index: a page
    // walks it and stops. Every filter has a partial index over live cases that leads with it, then
    // the default sort, then status (the filter most often combined with another), so a page
    // walks in order and a count reads only the index, for a filter alone or with status.
    await q.query(`CREATE INDEX ix_cases_received ON cases(deleted_at, received_on, status)`);
    await q.query(`CREATE INDEX ix_cases_amount ON cases(deleted_at, amount_fen, received_on)`);
    await q.query(`CREATE INDEX ix_cases_number ON cases(deleted_at, case_number)`);
    const live = 'WHERE deleted_at IS NULL';
    await q.query(`CREATE INDEX ix_cases_status ON cases(status, received_on) ${live}`);
    await q.query(`CREATE INDEX ix_cases_type ON cases(dispute_type, received_on, status) ${live}`);
    await q.query(`CREATE INDEX ix_cases_place ON cases(township, received_on, status, village) ${live}`);
    await q.query(`CREATE INDEX ix_cases_village ON cases(village, township, received_on, status) ${live}`);
    await q.query(`CREATE INDEX ix_cases_committee ON cases(committee_id, received_on, status) ${live}`);
    await q.query(`CREATE INDEX ix_cases_clerk ON cases(received_by, received_on, status) ${live}`);

    await q.query(`CREATE TABLE case_parties (${syncableSql},
      case_id TEXT NOT NULL REFERENCES cases(id),
      party_id TEXT NOT NULL REFERENCES parties(id),
      role TEXT NOT NULL CHECK (role IN ('applicant', 'respondent', 'third_party')),
      position INTEGER NOT NULL,
      agent_name TEXT,
      agent_relation TEXT,
      agent_authority TEXT,
      agent_authority_detail TEXT,
      agent_id_number TEXT,
      agent_phone TEXT
    )`);
    await q.query(`CREATE INDEX ix_case_parties_case ON case_parties(case_id, position)`);
    await q.query(`CREATE INDEX ix_case_parties_party ON case_parties(party_id)`);

    await q.query(`CREATE TABLE case_links (${syncableSql},
      case_id TEXT NOT NULL REFERENCES cases(id),
      related_case_id TEXT NOT NULL REFERENCES cases(id),
      note TEXT
    )`);
    await q.query(
      `CREATE UNIQUE INDEX ux_case_links ON case_links(case_id, related_case_id) WHERE deleted_at IS NULL`,
    );
    await q.query(`CREATE INDEX ix_case_links_related ON case_links(related_case_id)`);

    // Sequences only move forward, so a number is never issued twice; the ledger keeps voided ones.
    await q.query(`CREATE TABLE number_sequences (
      committee_id TEXT NOT NULL,
      year INTEGER NOT NULL,
      last_seq INTEGER NOT NULL,
      PRIMARY KEY (committee_id, year)
    )`);
    await q.query(`CREATE TABLE case_numbers (
      case_number TEXT PRIMARY KEY NOT NULL,
      committee_id TEXT NOT NULL,
      year INTEGER NOT NULL,
      seq INTEGER NOT NULL,
      case_id TEXT NOT NULL,
      state TEXT NOT NULL CHECK (state IN ('issued', 'voided')),
      issued_at TEXT NOT NULL,
      voided_at TEXT,
      void_reason TEXT
    )`);
    await q.query(`CREATE UNIQUE INDEX ux_case_numbers_seq ON case_numbers(committee_id, year, seq)`);

    await q.query(`CREATE TABLE case_history (${syncableSql},
      case_id TEXT NOT NULL REFERENCES cases(id),
      at TEXT NOT NULL,
      actor_id TEXT NOT NULL,
      actor_name TEXT NOT NULL,
      action TEXT NOT NULL,
      changes TEXT NOT NULL DEFAULT '[]',
      note TEXT
    )`);
    await q.query(`CREATE INDEX ix_case_history_case ON case_history(case_id, at)`);

    await q.query(`CREATE TABLE intake_refusals (${syncableSql},
      received_on TEXT NOT NULL,
      applicant_name TEXT NOT NULL,
      applicant_phone TEXT,
      other_party_name TEXT,
      township TEXT NOT NULL,
      dispute_type TEXT NOT NULL,
      summary TEXT NOT NULL,
      reason TEXT NOT NULL,
      reason_detail TEXT,
      told TEXT NOT NULL,
      recorded_by TEXT NOT NULL,
      recorded_by_name TEXT NOT NULL
    )`);
    await q.query(`CREATE INDEX ix_refusals_received ON intake_refusals(received_on, created_at)`);

    await q.query(`CREATE TABLE drafts (
      user_id TEXT NOT NULL,
      form TEXT NOT NULL,
      data TEXT NOT NULL,
      saved_at TEXT NOT NULL,
      PRIMARY KEY (user_id, form)
    )`);

    // Contentless: the terms are derived (names, numbers, phones, summary words, ID last-4) and
    // never read back. rowid = cases.rowid. Prefix indexes of 3 and 4 characters serve digit
    // queries ('139…', the last 4 of a phone); Han terms are never prefix-queried, and a 2-character
    // prefix index would store every Han bigram twice (a quarter of the index at 100k cases).
    await q.query(
      `CREATE VIRTUAL TABLE case_search USING fts5(terms, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0', prefix='3 4')`,
    );

    // Seeds are INSERT OR IGNORE: later migrations may add to the same seed files, and a seed row
    // the office has since edited must stay as edited.
    const now = new Date(0).toISOString();
    for (const [index, org] of seed.organisations.entries()) {
      await q.query(
        `INSERT OR IGNORE INTO organisations (id, origin_office_id, created_at, updated_at, name, kind, abbreviation, case_number_pattern, township, sort)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          org.id,
          org.id,
          now,
          now,
          org.name,
          org.kind,
          org.abbreviation,
          DEFAULT_PATTERN,
          org.township,
          index,
        ],
      );
    }
    for (const [index, type] of disputeTypes.entries()) {
      await q.query(
        `INSERT OR IGNORE INTO dispute_types (code, name, official_code, active, sort) VALUES (?, ?, ?, 1, ?)`,
        [type.code, type.name, type.officialCode, index],
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'case_search',
      'drafts',
      'intake_refusals',
      'case_history',
      'case_numbers',
      'number_sequences',
      'case_links',
      'case_parties',
      'cases',
      'parties',
      'villages',
      'dispute_types',
      'organisations',
    ]) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
