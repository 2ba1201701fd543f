import type { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationName } from './name';

/**
 * 司法确认 has two halves: the parties apply (the application the desk prints), then the court
 * rules. The ruling is the agreement's: which court, what it decided (确认有效, 驳回, 不予受理, or the
 * parties withdrew), on which day, under which ruling number. The county counts the agreements a
 * court confirmed (issue 15). Existing agreements have no ruling recorded.
 */
export class ConfirmationRuling0017 implements MigrationInterface {
  name = migrationName('ConfirmationRuling', 17);

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE agreements ADD COLUMN confirmation_court TEXT`);
    await q.query(`ALTER TABLE agreements ADD COLUMN confirmation_outcome TEXT`);
    await q.query(`ALTER TABLE agreements ADD COLUMN confirmation_ruled_on TEXT`);
    await q.query(`ALTER TABLE agreements ADD COLUMN confirmation_ruling_number TEXT`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const column of [
      'confirmation_ruling_number',
      'confirmation_ruled_on',
      'confirmation_outcome',
      'confirmation_court',
    ])
      await q.query(`ALTER TABLE agreements DROP COLUMN ${column}`);
  }
}
