import type { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationName } from './name';

/**
 * A batch's frozen records become an ordinary (rowid) table (issue 16, export speed). As a
 * WITHOUT ROWID table every record's JSON (1.3 KB for a case) was kept in the primary-key b-tree,
 * whose rows may hold only ~1,000 bytes in a page: each record spilled into an overflow page of
 * its own, mostly empty, and freezing 10,000 cases wrote and encrypted three times the pages its
 * JSON needs. In a rowid table three records share a page; the key is a unique index beside it.
 * Same columns, same checks, same rows.
 */
export class ProvinceRecordsRowid0020 implements MigrationInterface {
  name = migrationName('ProvinceRecordsRowid', 20);

  async up(q: QueryRunner): Promise<void> {
    await rebuild(q, '');
  }

  async down(q: QueryRunner): Promise<void> {
    await rebuild(q, ' WITHOUT ROWID');
  }
}

async function rebuild(q: QueryRunner, options: string): Promise<void> {
  await q.query(`CREATE TABLE province_batch_records_new (
      batch_id TEXT NOT NULL REFERENCES province_batches(id),
      info_set TEXT NOT NULL CHECK (info_set IN ('organisations', 'mediators', 'screenings', 'cases')),
      record_id TEXT NOT NULL,
      hash TEXT NOT NULL,
      payload TEXT NOT NULL,
      PRIMARY KEY (batch_id, info_set, record_id)
    )${options}`);
  // In key order: the rows of one batch's info-set lie together, in the order they are read.
  await q.query(`INSERT INTO province_batch_records_new (batch_id, info_set, record_id, hash, payload)
      SELECT batch_id, info_set, record_id, hash, payload FROM province_batch_records
       ORDER BY batch_id, info_set, record_id`);
  await q.query(`DROP TABLE province_batch_records`);
  await q.query(`ALTER TABLE province_batch_records_new RENAME TO province_batch_records`);
}
