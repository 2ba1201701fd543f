import type { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationName } from './name';

/**
 * A 不予受理 record holds a visitor's name, phone and story: like a case, it belongs to the
 * organisation whose desk recorded it, and only that organisation's scope sees it (issue 9's
 * rule). Existing records get the recording clerk's first organisation, or the installation's
 * office when the account has none.
 */
export class RefusalScope0015 implements MigrationInterface {
  name = migrationName('RefusalScope', 15);

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE intake_refusals ADD COLUMN organisation_id TEXT`);
    await q.query(
      `UPDATE intake_refusals SET organisation_id = coalesce(
         (SELECT json_extract(u.organisation_ids, '$[0]') FROM users u WHERE u.id = intake_refusals.recorded_by),
         (SELECT json_extract(value, '$.id') FROM settings WHERE key = 'office'))`,
    );
    await q.query(
      `CREATE INDEX ix_refusals_organisation ON intake_refusals(organisation_id, received_on, created_at)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_refusals_organisation`);
    await q.query(`ALTER TABLE intake_refusals DROP COLUMN organisation_id`);
  }
}
