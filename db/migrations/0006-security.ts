import type { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationName } from './name';

/**
 * Security findings of issue 8: audit entries signed by their author's key (format 2; existing
 * entries stay format 1 and keep verifying), the enrolment of each user's public key in the
 * chain, and the flag that makes a user choose a new password after an administrator reset it.
 */
export class Security0006 implements MigrationInterface {
  name = migrationName('Security', 6);

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE audit_log ADD COLUMN format INTEGER NOT NULL DEFAULT 1`);
    await q.query(`ALTER TABLE audit_log ADD COLUMN signer_id TEXT`);
    await q.query(`ALTER TABLE audit_log ADD COLUMN signature TEXT`);
    await q.query(`ALTER TABLE audit_log ADD COLUMN enrols_user_id TEXT`);
    await q.query(`ALTER TABLE audit_log ADD COLUMN enrols_key TEXT`);
    await q.query(
      `CREATE INDEX ix_audit_enrols ON audit_log(enrols_user_id, seq) WHERE enrols_user_id IS NOT NULL`,
    );
    await q.query(`ALTER TABLE users ADD COLUMN must_change_password BOOLEAN NOT NULL DEFAULT 0`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users DROP COLUMN must_change_password`);
    await q.query(`DROP INDEX ix_audit_enrols`);
    for (const column of ['enrols_key', 'enrols_user_id', 'signature', 'signer_id', 'format']) {
      await q.query(`ALTER TABLE audit_log DROP COLUMN ${column}`);
    }
  }
}
