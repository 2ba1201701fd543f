import type { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationName } from './name';

/**
 * The provincial data package's ledger (issue 16). A batch (批次) is numbered per installation,
 * made for one scope (the committees its 档案员 sees), and freezes the records it carries
 * (their published JSON and content hash) so a re-export gives the same bytes. `province_sent`
 * is the watermark: the content hash of every record the province acknowledged (a receipt file
 * or a manual 已报送 mark). The next batch carries what differs from it. Nothing exists before
 * this migration, so every record counts as not yet reported.
 */
export class Province0016 implements MigrationInterface {
  name = migrationName('Province', 16);

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE province_batches (
      id TEXT PRIMARY KEY NOT NULL,
      batch_no INTEGER NOT NULL UNIQUE CHECK (batch_no >= 1),
      scope_key TEXT NOT NULL,
      state TEXT NOT NULL CHECK (state IN ('preparing', 'pending', 'acknowledged')),
      created_at TEXT NOT NULL,
      created_by TEXT NOT NULL,
      created_by_name TEXT NOT NULL,
      salt TEXT NOT NULL,
      counts TEXT NOT NULL DEFAULT '{}',
      held_back INTEGER NOT NULL DEFAULT 0,
      exports INTEGER NOT NULL DEFAULT 0,
      last_exported_at TEXT,
      manifest_sha256 TEXT,
      acknowledged_on TEXT,
      acknowledged_by_name TEXT,
      acknowledgement TEXT CHECK (acknowledgement IN ('receipt', 'manual')),
      receipt_note TEXT
    )`);
    await q.query(`CREATE INDEX ix_province_batches_scope ON province_batches(scope_key, state)`);
    await q.query(`CREATE TABLE province_batch_records (
      batch_id TEXT NOT NULL REFERENCES province_batches(id),
      info_set TEXT NOT NULL CHECK (info_set IN ('organisations', 'mediators', 'screenings', 'cases')),
      record_id TEXT NOT NULL,
      hash TEXT NOT NULL,
      payload TEXT NOT NULL,
      PRIMARY KEY (batch_id, info_set, record_id)
    ) WITHOUT ROWID`);
    await q.query(`CREATE TABLE province_sent (
      info_set TEXT NOT NULL,
      record_id TEXT NOT NULL,
      hash TEXT NOT NULL,
      batch_no INTEGER NOT NULL,
      PRIMARY KEY (info_set, record_id)
    ) WITHOUT ROWID`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['province_sent', 'province_batch_records', 'province_batches'])
      await q.query(`DROP TABLE ${t}`);
  }
}
