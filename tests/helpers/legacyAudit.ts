import { createHash } from 'node:crypto';
import type { AuditRow, Store } from '../../db';

// Audit entries exactly as the code before migration 0006 wrote them: unsigned, hashed over
// nine fields. Written out here on purpose (not via chain.ts), so a change to today's hashing
// cannot silently change what "an old chain" means in the tests.

/** The columns an entry had before migration 0006. */
export type LegacyEntry = Omit<AuditRow, 'format' | 'signerId' | 'signature' | 'enrolsUserId' | 'enrolsKey'>;

/** Inserts unsigned entries for `actions`, chained from the genesis hash; returns the head. */
export function insertLegacyChain(
  store: Store,
  actor: { id: string; name: string },
  actions: string[],
): LegacyEntry[] {
  let prevHash = '0'.repeat(64);
  return actions.map((action, index) => {
    const e = {
      seq: index + 1,
      at: `2026-11-2${index + 1}T01:00:00.000Z`,
      actorId: actor.id,
      actorName: actor.name,
      action,
      target: null,
      outcome: 'ok' as const,
      detail: null,
      prevHash,
    };
    const canonical = [
      e.seq,
      e.at,
      e.actorId,
      e.actorName,
      e.action,
      e.target,
      e.outcome,
      e.detail,
      e.prevHash,
    ];
    const hash = createHash('sha256').update(JSON.stringify(canonical), 'utf8').digest('hex');
    // The insert's columns are the canonical fields in the same order, then the hash.
    store.sql.run(
      `INSERT INTO audit_log (seq, at, actor_id, actor_name, action, target, outcome, detail, prev_hash, hash)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ...canonical,
      hash,
    );
    prevHash = hash;
    return { ...e, hash };
  });
}
