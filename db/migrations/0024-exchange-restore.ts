import type { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationName } from './name';

/**
 * Exchange after a restore from a backup (issue 14). Per peer: when this office was restored
 * from a backup made at `restored_at` (its audit log then back at `restored_audit_seq`), it asks
 * the peer in every package for everything it may have lost, until the peer's answer arrives;
 * and `resend_due` when the peer asked that of us: our next package to it carries every record
 * in its scope. Existing peers have neither.
 */
export class ExchangeRestore0024 implements MigrationInterface {
  name = migrationName('ExchangeRestore', 24);

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE exchange_peers ADD COLUMN restored_at TEXT`);
    await q.query(`ALTER TABLE exchange_peers ADD COLUMN restored_audit_seq INTEGER NOT NULL DEFAULT 0`);
    await q.query(
      `ALTER TABLE exchange_peers ADD COLUMN resend_due INTEGER NOT NULL DEFAULT 0 CHECK (resend_due IN (0, 1))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const c of ['resend_due', 'restored_audit_seq', 'restored_at'])
      await q.query(`ALTER TABLE exchange_peers DROP COLUMN ${c}`);
  }
}
