import type { AuditRow } from '../../../db';
import { GENESIS_HASH, hashEntry } from './chain';
import { verifySignature } from './signing';

// Walking the chain: contiguous numbers, each entry linked to the one before, each hash right,
// and (format 2) each entry signed by the key the chain itself last recorded for its signer.
//
// Whose key is whose is recorded in the chain (an entry's enrols_* fields), by these rules:
// - another user's key is recorded only by an administrator's act that sets their password
//   (users:create, users:resetPassword), signed by that administrator's own enrolled key;
// - a user records their own key when the chain has none for them yet (setup, and each existing
//   user's first sign-in after the upgrade), or in an explicit 'audit:keyEnrolled' entry (after a
//   recovery-code reset, or when the key in their key-file wrap differs from the chain's).
// A key recorded in someone's name by someone else is caught when that person next signs in:
// the key unwrapped with their password differs from the chain's (see session/unlock.ts).

export const OTHER_ENROLMENT_ACTIONS = new Set(['users:create', 'users:resetPassword']);
export const SELF_REENROLMENT_ACTION = 'audit:keyEnrolled';

export interface ChainVerdict {
  intact: boolean;
  checked: number;
  firstBrokenSeq: number | null;
  message: string;
  head: { seq: number; hash: string };
}

export function verifyChain(rows: Iterable<AuditRow>): ChainVerdict {
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let checked = 0;
  let signedSeen = false;
  const keys = new Map<string, string>();
  const broken = (seq: number, why: string): ChainVerdict => ({
    intact: false,
    checked,
    firstBrokenSeq: seq,
    message: `审计日志第${seq}条${why}，日志可能被篡改`,
    head: { seq: checked, hash: prevHash },
  });

  for (const row of rows) {
    if (row.seq !== expectedSeq) return broken(expectedSeq, '缺失');
    if (row.prevHash !== prevHash) return broken(row.seq, '与前一条不衔接');
    const { hash, signature, ...fields } = row;
    if (hashEntry(fields) !== hash) return broken(row.seq, '内容与校验值不符');
    if (row.format === 1) {
      // Unsigned entries exist only from before the upgrade: never after a signed one.
      if (signedSeen) return broken(row.seq, '缺少签名');
    } else if (row.format === 2) {
      signedSeen = true;
      if (!row.signerId || !signature) return broken(row.seq, '缺少签名');
      if (row.actorId !== null && row.actorId !== row.signerId)
        return broken(row.seq, '的签名人与操作人不符');
      const selfEnrolment = row.enrolsUserId === row.signerId && row.enrolsKey !== null;
      let key = keys.get(row.signerId);
      if (selfEnrolment) {
        if (key !== undefined && row.action !== SELF_REENROLMENT_ACTION) {
          return broken(row.seq, '重复登记签名密钥');
        }
        key = row.enrolsKey!;
      }
      if (key === undefined) return broken(row.seq, '的签名人没有登记签名密钥');
      if (!verifySignature(key, hash, signature)) return broken(row.seq, '的签名无效');
      if (row.enrolsUserId !== null) {
        if (row.enrolsKey === null) return broken(row.seq, '登记的签名密钥为空');
        if (!selfEnrolment && !OTHER_ENROLMENT_ACTIONS.has(row.action)) {
          return broken(row.seq, '为他人登记签名密钥的操作不正确');
        }
        keys.set(row.enrolsUserId, row.enrolsKey);
      }
    } else {
      return broken(row.seq, '的格式无法识别');
    }
    prevHash = hash;
    expectedSeq += 1;
    checked += 1;
  }
  return {
    intact: true,
    checked,
    firstBrokenSeq: null,
    message: `已校验${checked}条记录，完整无误`,
    head: { seq: checked, hash: prevHash },
  };
}

/** A short, readable form of the head's hash, for an office to note on paper now and then. */
export function headFingerprint(hash: string): string {
  return hash
    .slice(0, 16)
    .toUpperCase()
    .replace(/(.{4})(?!$)/g, '$1-');
}
