import type { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationName } from './name';

/**
 * Committee scope (main/core/scope). Users belong to organisations: existing users get the
 * installation's office. case_scope records which organisations (each with everything above it
 * in the tree) and which roster mediators a case has passed through: registered by, handled by,
 * dispatched, transferred or escalated to. It is what "cases in this user's scope" is looked up
 * in, by lists, search, counts and 我的待办, in SQL. Existing cases belong to the committees that
 * hold them today (and held them before: a sender keeps read access).
 */
export class Scope0007 implements MigrationInterface {
  name = migrationName('Scope', 7);

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users ADD COLUMN organisation_ids TEXT NOT NULL DEFAULT '[]'`);
    await q.query(
      `UPDATE users SET organisation_ids = coalesce((SELECT json_array(json_extract(value, '$.id')) FROM settings
         WHERE key = 'office' AND json_extract(value, '$.id') IS NOT NULL), '[]')`,
    );

    // principal: an organisation id (the case's own committees and all their ancestors) or a
    // roster mediator's id (assigned to the case). Live cases only (see the trigger below).
    await q.query(`CREATE TABLE case_scope (
      principal TEXT NOT NULL,
      case_rowid INTEGER NOT NULL,
      PRIMARY KEY (principal, case_rowid)
    ) WITHOUT ROWID`);
    await q.query(`CREATE INDEX ix_case_scope_case ON case_scope(case_rowid)`);
    await q.query(
      `CREATE TRIGGER tr_case_scope_deleted AFTER UPDATE OF deleted_at ON cases WHEN NEW.deleted_at IS NOT NULL
       BEGIN DELETE FROM case_scope WHERE case_rowid = NEW.rowid; END`,
    );

    await q.query(`INSERT OR IGNORE INTO case_scope (principal, case_rowid)
      WITH RECURSIVE held(organisation_id, rid) AS (
        SELECT committee_id, rowid FROM cases WHERE deleted_at IS NULL
        UNION SELECT handling_committee_id, rowid FROM cases WHERE deleted_at IS NULL AND handling_committee_id IS NOT NULL
        UNION SELECT a.committee_id, c.rowid FROM case_assignments a JOIN cases c ON c.id = a.case_id
          WHERE a.deleted_at IS NULL AND c.deleted_at IS NULL
      ),
      up(organisation_id, rid) AS (
        SELECT organisation_id, rid FROM held
        UNION SELECT o.parent_id, up.rid FROM up JOIN organisations o ON o.id = up.organisation_id
          WHERE o.parent_id IS NOT NULL
      )
      SELECT organisation_id, rid FROM up`);
    await q.query(`INSERT OR IGNORE INTO case_scope (principal, case_rowid)
      SELECT am.mediator_id, c.rowid FROM case_assignment_mediators am
        JOIN case_assignments a ON a.id = am.assignment_id AND a.deleted_at IS NULL
        JOIN cases c ON c.id = a.case_id AND c.deleted_at IS NULL
       WHERE am.deleted_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER tr_case_scope_deleted`);
    await q.query(`DROP TABLE case_scope`);
    await q.query(`ALTER TABLE users DROP COLUMN organisation_ids`);
  }
}
