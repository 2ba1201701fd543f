import type { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationName } from './name';

/**
 * Township ⇄ county exchange packages (issue 14). The offices this installation trusts (their
 * 机构密钥卡: signing and agreement public keys, revocable); per peer the sequence numbers both
 * ways and the watermarks the peer acknowledged; the audit heads each peer reported; every
 * package sent or received (the history, with its receipt); the version of each record last
 * exchanged with a peer: the version both sides are known to hold (received from it, or sent and
 * acknowledged by its receipt: what "changed since the last exchange" is measured against) and
 * the last version sent and not yet acknowledged (sent again until it is); and the
 * conflicts a person must decide. Nothing is exchanged before this migration.
 */
export class Exchange0018 implements MigrationInterface {
  name = migrationName('Exchange', 18);

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE exchange_trusted_offices (
      office_id TEXT PRIMARY KEY NOT NULL,
      office_name TEXT NOT NULL,
      office_kind TEXT NOT NULL CHECK (office_kind IN ('county_center', 'township')),
      signing_key TEXT NOT NULL,
      agreement_key TEXT NOT NULL,
      fingerprint TEXT NOT NULL,
      trusted_at TEXT NOT NULL,
      trusted_by_name TEXT NOT NULL,
      revoked_at TEXT,
      revoked_by_name TEXT,
      revoke_reason TEXT
    )`);
    await q.query(`CREATE TABLE exchange_peers (
      office_id TEXT PRIMARY KEY NOT NULL,
      last_sequence_out INTEGER NOT NULL DEFAULT 0,
      last_sequence_in INTEGER NOT NULL DEFAULT 0,
      acknowledged_out INTEGER NOT NULL DEFAULT 0,
      receipt_due INTEGER NOT NULL DEFAULT 0
    )`);
    await q.query(`CREATE TABLE exchange_audit_heads (
      office_id TEXT NOT NULL,
      seq INTEGER NOT NULL,
      hash TEXT NOT NULL,
      received_at TEXT NOT NULL,
      package_sequence INTEGER NOT NULL,
      PRIMARY KEY (office_id, seq)
    ) WITHOUT ROWID`);
    await q.query(`CREATE TABLE exchange_packages (
      id TEXT PRIMARY KEY NOT NULL,
      direction TEXT NOT NULL CHECK (direction IN ('out', 'in')),
      peer_office_id TEXT NOT NULL,
      sequence INTEGER NOT NULL CHECK (sequence >= 1),
      created_at TEXT NOT NULL,
      handled_at TEXT NOT NULL,
      handled_by_name TEXT NOT NULL,
      counts TEXT NOT NULL DEFAULT '{}',
      manifest_sha256 TEXT NOT NULL,
      audit_seq INTEGER NOT NULL,
      audit_hash TEXT NOT NULL,
      acknowledged_at TEXT,
      UNIQUE (direction, peer_office_id, sequence)
    )`);
    await q.query(`CREATE TABLE exchange_record_versions (
      peer_office_id TEXT NOT NULL,
      table_name TEXT NOT NULL,
      record_id TEXT NOT NULL,
      agreed_version INTEGER NOT NULL DEFAULT 0,
      sent_version INTEGER NOT NULL DEFAULT 0,
      sent_sequence INTEGER NOT NULL DEFAULT 0,
      PRIMARY KEY (peer_office_id, table_name, record_id)
    ) WITHOUT ROWID`);
    await q.query(`CREATE TABLE exchange_conflicts (
      id TEXT PRIMARY KEY NOT NULL,
      peer_office_id TEXT NOT NULL,
      table_name TEXT NOT NULL,
      record_id TEXT NOT NULL,
      local TEXT NOT NULL,
      remote TEXT NOT NULL,
      created_at TEXT NOT NULL,
      package_sequence INTEGER NOT NULL,
      resolved_at TEXT,
      resolved_by_name TEXT,
      resolution TEXT CHECK (resolution IN ('local', 'remote', 'merged'))
    )`);
    await q.query(
      `CREATE UNIQUE INDEX ux_exchange_conflicts_open ON exchange_conflicts(table_name, record_id) WHERE resolved_at IS NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'exchange_conflicts',
      'exchange_record_versions',
      'exchange_packages',
      'exchange_audit_heads',
      'exchange_peers',
      'exchange_trusted_offices',
    ])
      await q.query(`DROP TABLE ${t}`);
  }
}
