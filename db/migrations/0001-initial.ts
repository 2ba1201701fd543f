import type { MigrationInterface, QueryRunner } from 'typeorm';
import { syncableSql } from '../entities/columns';
import { migrationName } from './name';

/** Users, settings and the hash-chained audit log. */
export class Initial0001 implements MigrationInterface {
  name = migrationName('Initial', 1);

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE settings (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL)`);
    await q.query(`CREATE TABLE users (${syncableSql},
      username TEXT NOT NULL,
      username_key TEXT NOT NULL,
      display_name TEXT NOT NULL,
      roles TEXT NOT NULL,
      disabled BOOLEAN NOT NULL DEFAULT 0
    )`);
    await q.query(
      `CREATE UNIQUE INDEX ux_users_username_key ON users(username_key) WHERE deleted_at IS NULL`,
    );
    // Append-only; seq has no AUTOINCREMENT gaps to hide behind: verify checks 1..n contiguous.
    await q.query(`CREATE TABLE audit_log (
      seq INTEGER PRIMARY KEY NOT NULL,
      at TEXT NOT NULL,
      actor_id TEXT,
      actor_name TEXT,
      action TEXT NOT NULL,
      target TEXT,
      outcome TEXT NOT NULL CHECK (outcome IN ('ok', 'error')),
      detail TEXT,
      prev_hash TEXT NOT NULL,
      hash TEXT NOT NULL
    )`);
    await q.query(`CREATE INDEX ix_audit_action ON audit_log(action, seq)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_log`);
    await q.query(`DROP TABLE users`);
    await q.query(`DROP TABLE settings`);
  }
}
