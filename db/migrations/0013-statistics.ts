import type { MigrationInterface, QueryRunner } from 'typeorm';
import { syncableSql } from '../entities/columns';
import { migrationName } from './name';

/**
 * 月报 报送 (issue 15): a submitted monthly return, frozen as the figures it showed, with who
 * submitted it and when. One per month for a committee, and one consolidated (committee_id NULL)
 * per month. Later changes to the month's cases are shown as differences against it, never
 * written into it.
 */
export class Statistics0013 implements MigrationInterface {
  name = migrationName('Statistics', 13);

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE monthly_returns (${syncableSql},
      month TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'),
      committee_id TEXT REFERENCES organisations(id),
      figures TEXT NOT NULL,
      submitted_by TEXT NOT NULL,
      submitted_by_name TEXT NOT NULL,
      submitted_at TEXT NOT NULL
    )`);
    await q.query(
      `CREATE UNIQUE INDEX ux_monthly_returns ON monthly_returns(month, COALESCE(committee_id, '')) WHERE deleted_at IS NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE monthly_returns`);
  }
}
