import type { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationName } from './name';

/**
 * Which court delegated (委派) or entrusted (委托) a court-referred case: its judicial
 * confirmation goes back to that court (Civil Procedure Law; domain.md §2).
 */
export class ReferringCourt0005 implements MigrationInterface {
  name = migrationName('ReferringCourt', 5);

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE cases ADD COLUMN referring_court TEXT`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE cases DROP COLUMN referring_court`);
  }
}
