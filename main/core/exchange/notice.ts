import type { ServiceContext } from '../context';
import { exchangeKind } from './trust';

// A case sent to a committee of another installation (issue 14): a township escalating (上报) to
// the county centre, or the county transferring down to a township's committee. Nothing reaches
// the other office until a package does, so the case says where that package stands.

const kindLabels = { escalation: '上报', transfer: '移交', dispatch: '分流' } as const;

export async function exchangeNotice(ctx: ServiceContext, caseId: string): Promise<string | null> {
  const kind = exchangeKind(ctx);
  if (!kind) return null;
  const { repos } = ctx;
  const pending = repos.workflow
    .assignments(caseId)
    .filter((a) => a.state === 'pending')
    .at(-1);
  if (!pending) return null;
  const under = (officeId: string) =>
    repos.caseScope.under([officeId]).some((o) => o.id === pending.committeeId);
  const peers = repos.exchange.trustedOffices().filter((p) => !p.revokedAt);
  if (kind === 'township' && under(ctx.office.id)) return null;
  const peer =
    kind === 'township'
      ? peers.find((p) => p.officeKind === 'county_center')
      : peers.find((p) => p.officeKind === 'township' && under(p.officeId));
  const what = kindLabels[pending.kind];
  if (!peer) {
    if (kind === 'county_center') return null;
    const county = await repos.catalog.organisation(pending.committeeId);
    return `${county?.name ?? '县人民调解中心'}使用另一套系统：本次${what}须通过数据包送达，请管理员先在“数据交换”中导入该中心的机构密钥卡，再生成数据包。`;
  }
  const there = kind === 'township' ? '该中心' : '该调委会';
  const standing = repos.exchangeRows.standing(peer.officeId, 'case_assignments', pending.id);
  if (standing && standing.agreedVersion >= pending.version)
    return `${peer.officeName}已收到本次${what}（第${standing.sentSequence}号数据包），等待其办理。`;
  if (standing && standing.sentVersion >= pending.version)
    return `本次${what}已随第${standing.sentSequence}号数据包发往${peer.officeName}，对方导入后即可办理。`;
  return `${peer.officeName}使用另一套系统：本次${what}已列入发往${there}的下一个数据包，请管理员在“数据交换”中生成数据包并送达。`;
}
