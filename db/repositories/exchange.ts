import type { DbHandle } from '../dataSource';

// Township ⇄ county exchange (migration 0018): trusted offices, per-peer sequences and
// acknowledged watermarks, the audit heads peers reported, the package history, the version of
// each record last exchanged with a peer, and conflicts.

export interface TrustedOfficeRow {
  officeId: string;
  officeName: string;
  officeKind: 'county_center' | 'township';
  signingKey: string;
  agreementKey: string;
  fingerprint: string;
  trustedAt: string;
  trustedByName: string;
  revokedAt: string | null;
  revokedByName: string | null;
  revokeReason: string | null;
}

export interface PeerRow {
  officeId: string;
  lastSequenceOut: number;
  lastSequenceIn: number;
  /** The highest of our sequences the peer has acknowledged (by a receipt). */
  acknowledgedOut: number;
  /** 1 when we imported something the peer has not yet had a receipt for. */
  receiptDue: number;
  /** Restored from a backup made then: we ask the peer for what we may have lost (migration 0024). */
  restoredAt: string | null;
  /** Our audit log's head in that backup. */
  restoredAuditSeq: number;
  /** 1 when the peer asked for that: our next package carries everything in its scope. */
  resendDue: number;
}

export interface ExchangePackageRow {
  id: string;
  direction: 'out' | 'in';
  peerOfficeId: string;
  sequence: number;
  createdAt: string;
  handledAt: string;
  handledByName: string;
  counts: string;
  manifestSha256: string;
  auditSeq: number;
  auditHash: string;
  acknowledgedAt: string | null;
}

export interface ConflictRow {
  id: string;
  peerOfficeId: string;
  tableName: string;
  recordId: string;
  local: string;
  remote: string;
  createdAt: string;
  packageSequence: number;
  resolvedAt: string | null;
  resolvedByName: string | null;
  resolution: 'local' | 'remote' | 'merged' | null;
}

const trustedColumns = `office_id AS officeId, office_name AS officeName, office_kind AS officeKind,
  signing_key AS signingKey, agreement_key AS agreementKey, fingerprint, trusted_at AS trustedAt,
  trusted_by_name AS trustedByName, revoked_at AS revokedAt, revoked_by_name AS revokedByName,
  revoke_reason AS revokeReason`;
const peerColumns = `office_id AS officeId, last_sequence_out AS lastSequenceOut, last_sequence_in AS lastSequenceIn,
  acknowledged_out AS acknowledgedOut, receipt_due AS receiptDue, restored_at AS restoredAt,
  restored_audit_seq AS restoredAuditSeq, resend_due AS resendDue`;
const packageColumns = `id, direction, peer_office_id AS peerOfficeId, sequence, created_at AS createdAt,
  handled_at AS handledAt, handled_by_name AS handledByName, counts, manifest_sha256 AS manifestSha256,
  audit_seq AS auditSeq, audit_hash AS auditHash, acknowledged_at AS acknowledgedAt`;
const conflictColumns = `id, peer_office_id AS peerOfficeId, table_name AS tableName, record_id AS recordId, local,
  remote, created_at AS createdAt, package_sequence AS packageSequence, resolved_at AS resolvedAt,
  resolved_by_name AS resolvedByName, resolution`;

export class ExchangeRepository {
  constructor(private readonly db: DbHandle) {}

  // ── trust ──

  trusted(officeId: string): TrustedOfficeRow | undefined {
    return this.db.sql.get(
      `SELECT ${trustedColumns} FROM exchange_trusted_offices WHERE office_id = ?`,
      officeId,
    );
  }

  trustedOffices(): TrustedOfficeRow[] {
    return this.db.sql.all(
      `SELECT ${trustedColumns} FROM exchange_trusted_offices ORDER BY revoked_at IS NOT NULL, office_name`,
    );
  }

  saveTrust(row: TrustedOfficeRow): void {
    this.db.sql.run(
      `INSERT INTO exchange_trusted_offices (office_id, office_name, office_kind, signing_key, agreement_key, fingerprint,
         trusted_at, trusted_by_name, revoked_at, revoked_by_name, revoke_reason)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, NULL)
       ON CONFLICT (office_id) DO UPDATE SET office_name = excluded.office_name, office_kind = excluded.office_kind,
         signing_key = excluded.signing_key, agreement_key = excluded.agreement_key, fingerprint = excluded.fingerprint,
         trusted_at = excluded.trusted_at, trusted_by_name = excluded.trusted_by_name, revoked_at = NULL,
         revoked_by_name = NULL, revoke_reason = NULL`,
      row.officeId,
      row.officeName,
      row.officeKind,
      row.signingKey,
      row.agreementKey,
      row.fingerprint,
      row.trustedAt,
      row.trustedByName,
    );
  }

  revoke(officeId: string, at: string, byName: string, reason: string): void {
    this.db.sql.run(
      `UPDATE exchange_trusted_offices SET revoked_at = ?, revoked_by_name = ?, revoke_reason = ? WHERE office_id = ?`,
      at,
      byName,
      reason,
      officeId,
    );
  }

  // ── peers ──

  peer(officeId: string): PeerRow {
    this.db.sql.run(`INSERT OR IGNORE INTO exchange_peers (office_id) VALUES (?)`, officeId);
    return this.db.sql.get<PeerRow>(
      `SELECT ${peerColumns} FROM exchange_peers WHERE office_id = ?`,
      officeId,
    )!;
  }

  peerIfAny(officeId: string): PeerRow | undefined {
    return this.db.sql.get<PeerRow>(
      `SELECT ${peerColumns} FROM exchange_peers WHERE office_id = ?`,
      officeId,
    );
  }

  updatePeer(row: PeerRow): void {
    this.db.sql.run(
      `UPDATE exchange_peers SET last_sequence_out = ?, last_sequence_in = ?, acknowledged_out = ?, receipt_due = ?,
         restored_at = ?, restored_audit_seq = ?, resend_due = ? WHERE office_id = ?`,
      row.lastSequenceOut,
      row.lastSequenceIn,
      row.acknowledgedOut,
      row.receiptDue,
      row.restoredAt,
      row.restoredAuditSeq,
      row.resendDue,
      row.officeId,
    );
  }

  peers(): PeerRow[] {
    return this.db.sql.all(`SELECT ${peerColumns} FROM exchange_peers ORDER BY office_id`);
  }

  /**
   * The peer was restored from a backup: we no longer know which versions it holds, so every
   * record counts as never agreed (our next package carries them all, and a change from the
   * peer to one of them is a conflict for a person until its receipt for that package is back).
   */
  forgetAgreed(peerOfficeId: string): void {
    this.db.sql.run(
      `UPDATE exchange_record_versions SET agreed_version = 0 WHERE peer_office_id = ? AND agreed_version > 0`,
      peerOfficeId,
    );
  }

  // ── audit heads ──

  auditHead(officeId: string, seq: number): { seq: number; hash: string } | undefined {
    return this.db.sql.get(
      `SELECT seq, hash FROM exchange_audit_heads WHERE office_id = ? AND seq = ?`,
      officeId,
      seq,
    );
  }

  /** The latest head the peer reported (at or below `maxSeq`). */
  latestAuditHead(
    officeId: string,
    maxSeq = Number.MAX_SAFE_INTEGER,
  ): { seq: number; hash: string } | undefined {
    return this.db.sql.get(
      `SELECT seq, hash FROM exchange_audit_heads WHERE office_id = ? AND seq <= ? ORDER BY seq DESC LIMIT 1`,
      officeId,
      maxSeq,
    );
  }

  /** The heads of a peer's audit log that a restore there discarded (after `seq`). */
  dropAuditHeadsAfter(officeId: string, seq: number): void {
    this.db.sql.run(`DELETE FROM exchange_audit_heads WHERE office_id = ? AND seq > ?`, officeId, seq);
  }

  saveAuditHead(officeId: string, head: { seq: number; hash: string }, at: string, sequence: number): void {
    this.db.sql.run(
      `INSERT OR IGNORE INTO exchange_audit_heads (office_id, seq, hash, received_at, package_sequence) VALUES (?, ?, ?, ?, ?)`,
      officeId,
      head.seq,
      head.hash,
      at,
      sequence,
    );
  }

  // ── packages ──

  insertPackage(row: ExchangePackageRow): void {
    this.db.sql.run(
      `INSERT INTO exchange_packages (id, direction, peer_office_id, sequence, created_at, handled_at, handled_by_name,
         counts, manifest_sha256, audit_seq, audit_hash, acknowledged_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      row.id,
      row.direction,
      row.peerOfficeId,
      row.sequence,
      row.createdAt,
      row.handledAt,
      row.handledByName,
      row.counts,
      row.manifestSha256,
      row.auditSeq,
      row.auditHash,
      row.acknowledgedAt,
    );
  }

  /** Marks our packages to a peer up to `sequence` as acknowledged (a receipt came back). */
  acknowledge(peerOfficeId: string, throughSequence: number, at: string): void {
    this.db.sql.run(
      `UPDATE exchange_packages SET acknowledged_at = ? WHERE direction = 'out' AND peer_office_id = ?
         AND sequence <= ? AND acknowledged_at IS NULL`,
      at,
      peerOfficeId,
      throughSequence,
    );
  }

  /**
   * The audit heads our packages to a peer carried, from the last one it acknowledged on (all of
   * them when it acknowledged none), newest first: one of these is the latest the peer holds.
   */
  sentHeadsSinceAcknowledged(peerOfficeId: string, limit: number): number[] {
    return this.db.sql
      .all<{ seq: number }>(
        `SELECT audit_seq AS seq FROM exchange_packages
         WHERE direction = 'out' AND peer_office_id = ? AND sequence >= coalesce((
           SELECT max(sequence) FROM exchange_packages
           WHERE direction = 'out' AND peer_office_id = ? AND acknowledged_at IS NOT NULL), 0)
         GROUP BY audit_seq ORDER BY max(sequence) DESC LIMIT ?`,
        peerOfficeId,
        peerOfficeId,
        limit,
      )
      .map((r) => r.seq);
  }

  lastSent(peerOfficeId: string): ExchangePackageRow | undefined {
    return this.db.sql.get(
      `SELECT ${packageColumns} FROM exchange_packages WHERE direction = 'out' AND peer_office_id = ?
       ORDER BY sequence DESC LIMIT 1`,
      peerOfficeId,
    );
  }

  history(limit: number): ExchangePackageRow[] {
    return this.db.sql.all(
      `SELECT ${packageColumns} FROM exchange_packages ORDER BY handled_at DESC, id LIMIT ?`,
      limit,
    );
  }

  // ── record versions exchanged ──

  /** The version both sides are known to hold (0: none yet). */
  agreedVersion(peerOfficeId: string, table: string, recordId: string): number {
    return (
      this.db.sql.get<{ v: number }>(
        `SELECT agreed_version AS v FROM exchange_record_versions WHERE peer_office_id = ? AND table_name = ? AND record_id = ?`,
        peerOfficeId,
        table,
        recordId,
      )?.v ?? 0
    );
  }

  /**
   * The version both sides hold, counting what our packages through `receiptThrough` carried
   * (the package being imported says the peer had them when it was made).
   */
  baseVersion(peerOfficeId: string, table: string, recordId: string, receiptThrough: number): number {
    return (
      this.db.sql.get<{ v: number }>(
        `SELECT max(agreed_version, CASE WHEN sent_sequence > 0 AND sent_sequence <= ? THEN sent_version ELSE 0 END) AS v
           FROM exchange_record_versions WHERE peer_office_id = ? AND table_name = ? AND record_id = ?`,
        receiptThrough,
        peerOfficeId,
        table,
        recordId,
      )?.v ?? 0
    );
  }

  setAgreedVersion(peerOfficeId: string, table: string, recordId: string, version: number): void {
    this.db.sql.run(
      `INSERT INTO exchange_record_versions (peer_office_id, table_name, record_id, agreed_version) VALUES (?, ?, ?, ?)
       ON CONFLICT (peer_office_id, table_name, record_id) DO UPDATE SET agreed_version = max(exchange_record_versions.agreed_version, excluded.agreed_version)`,
      peerOfficeId,
      table,
      recordId,
      version,
    );
  }

  markSent(peerOfficeId: string, table: string, recordId: string, version: number, sequence: number): void {
    this.db.sql.run(
      `INSERT INTO exchange_record_versions (peer_office_id, table_name, record_id, sent_version, sent_sequence)
       VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (peer_office_id, table_name, record_id) DO UPDATE SET sent_version = excluded.sent_version,
         sent_sequence = excluded.sent_sequence`,
      peerOfficeId,
      table,
      recordId,
      version,
      sequence,
    );
  }

  /** A receipt through `sequence`: what those packages carried is now held by both sides. */
  promoteSent(peerOfficeId: string, throughSequence: number): void {
    this.db.sql.run(
      `UPDATE exchange_record_versions SET agreed_version = max(agreed_version, sent_version)
       WHERE peer_office_id = ? AND sent_sequence > 0 AND sent_sequence <= ?`,
      peerOfficeId,
      throughSequence,
    );
  }

  // ── conflicts ──

  openConflict(table: string, recordId: string): ConflictRow | undefined {
    return this.db.sql.get(
      `SELECT ${conflictColumns} FROM exchange_conflicts WHERE table_name = ? AND record_id = ? AND resolved_at IS NULL`,
      table,
      recordId,
    );
  }

  conflict(id: string): ConflictRow | undefined {
    return this.db.sql.get(`SELECT ${conflictColumns} FROM exchange_conflicts WHERE id = ?`, id);
  }

  openConflicts(): ConflictRow[] {
    return this.db.sql.all(
      `SELECT ${conflictColumns} FROM exchange_conflicts WHERE resolved_at IS NULL ORDER BY created_at, id`,
    );
  }

  insertConflict(row: Omit<ConflictRow, 'resolvedAt' | 'resolvedByName' | 'resolution'>): void {
    this.db.sql.run(
      `INSERT INTO exchange_conflicts (id, peer_office_id, table_name, record_id, local, remote, created_at, package_sequence)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      row.id,
      row.peerOfficeId,
      row.tableName,
      row.recordId,
      row.local,
      row.remote,
      row.createdAt,
      row.packageSequence,
    );
  }

  /** A newer remote version of a record already in conflict replaces the remote side. */
  updateConflictRemote(id: string, remote: string, sequence: number): void {
    this.db.sql.run(
      `UPDATE exchange_conflicts SET remote = ?, package_sequence = ? WHERE id = ?`,
      remote,
      sequence,
      id,
    );
  }

  resolveConflict(id: string, resolution: 'local' | 'remote' | 'merged', at: string, byName: string): void {
    this.db.sql.run(
      `UPDATE exchange_conflicts SET resolution = ?, resolved_at = ?, resolved_by_name = ? WHERE id = ?`,
      resolution,
      at,
      byName,
      id,
    );
  }
}
