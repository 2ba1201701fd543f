import type { Repositories } from '../../../db';
import type { AuditAlarmDto, AuditVerifyResult } from '../../contract';
import type { ServiceContext } from '../context';
import { ConflictError } from '../errors';
import { readAnchor } from './anchor';
import { tailFindings } from './tail';
import { headFingerprint, verifyChain } from './verify';

// 校验完整性 and the administrator's alarms. A finding (a cut chain, an older database, a key
// that is not the one recorded) is written into the chain as an 'audit:alarm' entry the moment
// it is found, so it cannot be lost without cutting the chain again. It stays on the
// administrator's banner, and keeps 校验完整性 from saying "intact", until an administrator
// acknowledges it (itself an audited act).

export const ALARM_ACTION = 'audit:alarm';
export const ACKNOWLEDGE_ACTION = 'audit:acknowledge';

export function unacknowledgedAlarms(repos: Repositories): AuditAlarmDto[] {
  const through = repos.audit.maxNumericTarget(ACKNOWLEDGE_ACTION);
  return repos.audit
    .ofActionAfter(ALARM_ACTION, through)
    .map((r) => ({ seq: r.seq, at: r.at, detail: r.detail ?? '' }));
}

export function acknowledgeAlarms(ctx: ServiceContext, throughSeq: number): Record<string, never> {
  const open = unacknowledgedAlarms(ctx.repos).filter((a) => a.seq <= throughSeq);
  if (open.length === 0) throw new ConflictError('没有需要确认的审计告警，请刷新页面');
  ctx.audit.target = String(throughSeq);
  ctx.audit.detail = `已知悉审计告警（第${open.map((a) => a.seq).join('、')}条）`;
  return {};
}

/** Whom 校验完整性 runs for: their own key, unwrapped with their password, is the one truth at hand. */
export interface Verifier {
  dataDir: string;
  /** The setting that records this desk's anchor was written (./tail.ts anchoredKey). */
  anchoredFlag: string;
  userId: string;
  displayName: string;
  publicKey: string;
}

export async function verifyAudit(repos: Repositories, me: Verifier): Promise<AuditVerifyResult> {
  const chain = verifyChain(repos.audit.inOrder());
  const { head: _head, ...verdict } = chain;
  if (!chain.intact) return verdict;
  const findings = await tailFindings(repos, readAnchor(me.dataDir), me.anchoredFlag);
  const mine = repos.audit.enrolledKey(me.userId);
  if (mine && mine.key !== me.publicKey) {
    findings.push(`${me.displayName}的签名密钥与审计日志第${mine.seq}条登记的不一致`);
  }
  if (findings.length > 0) {
    return { ...verdict, intact: false, firstBrokenSeq: null, message: findings.join('；') };
  }
  const alarms = unacknowledgedAlarms(repos);
  if (alarms.length > 0) {
    return {
      ...verdict,
      intact: false,
      message: `审计日志有${alarms.length}条未确认的告警：${alarms.map((a) => `第${a.seq}条 ${a.detail}`).join('；')}`,
    };
  }
  return {
    ...verdict,
    message: `${verdict.message}（链头：第${chain.head.seq}条，校验值 ${headFingerprint(chain.head.hash)}）`,
  };
}
