import type { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationName } from './name';

/**
 * Document corrections (issue 10):
 * - A case the centre registered and dispatched gets a number in the handling committee's own
 *   sequence when that committee accepts it, kept next to the intake number: `handling_number`
 *   on the case, and the committee's ledger (`case_numbers`) records which kind each number is.
 * - The agreement records each party's responsibility (People's Mediation Law Art. 29) apart
 *   from the facts and points in dispute; agreements recorded before keep them in one text.
 */
export class HandlingNumbers0008 implements MigrationInterface {
  name = migrationName('HandlingNumbers', 8);

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE cases ADD COLUMN handling_number TEXT`);
    await q.query(`ALTER TABLE case_numbers ADD COLUMN kind TEXT NOT NULL DEFAULT 'intake'`);
    await q.query(`ALTER TABLE agreements ADD COLUMN responsibility TEXT`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE agreements DROP COLUMN responsibility`);
    await q.query(`ALTER TABLE case_numbers DROP COLUMN kind`);
    await q.query(`ALTER TABLE cases DROP COLUMN handling_number`);
  }
}
