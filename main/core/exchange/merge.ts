import { randomUUID } from 'node:crypto';
import type { Repositories, TrustedOfficeRow } from '../../../db';
import { exchangeTableLabels, type ExchangeLine, type ExchangeTable } from '../../contract/exchange/records';
import { rejected } from './packageReader';

// Merging a received record (issue 14). The owner office of a record (its origin) is the only
// one that may send it, so a record always arrives from its owner and lands at an office that
// holds a copy. Against the version both sides last agreed on: changed only there → take it;
// changed here too → a conflict for a person, nothing overwritten; not changed → nothing.
// A copy held without any exchange came from the shipped seed, at version 1.

export type MergeOutcome = 'new' | 'updated' | 'unchanged' | 'conflict';
export type MergeCounts = Record<ExchangeTable, Record<MergeOutcome, number>>;

export function emptyCounts(): MergeCounts {
  return { villages: { new: 0, updated: 0, unchanged: 0, conflict: 0 } };
}

export interface MergeContext {
  repos: Repositories;
  sender: TrustedOfficeRow;
  /** The sender's township (乡镇 name) when it is a township committee. */
  senderTownship: string | null;
  sequence: number;
  at: string;
  /** false for the preview: classify only. */
  write: boolean;
}

/** The fields a person compares (everything but the sync bookkeeping). */
function content(record: object): string {
  const { version: _v, updatedAt: _u, createdAt: _c, ...rest } = record as Record<string, unknown>;
  return JSON.stringify(rest, Object.keys(rest).sort());
}

function checkScope(
  ctx: MergeContext,
  line: ExchangeLine,
  index: number,
  localOrigin: string | undefined,
): void {
  const label = exchangeTableLabels[line.t];
  const who = ctx.sender.officeName;
  if (line.r.originOfficeId !== ctx.sender.officeId || (localOrigin && localOrigin !== ctx.sender.officeId))
    throw rejected(`第${index}条记录（${label}）属于其他机构，${who}无权发送它`);
  if (ctx.senderTownship && line.r.township !== ctx.senderTownship)
    throw rejected(`第${index}条记录（${label}“${line.r.name}”）属于${line.r.township}，不在${who}的范围内`);
}

export function mergeLine(ctx: MergeContext, line: ExchangeLine, index: number): MergeOutcome {
  const { repos } = ctx;
  const remote = line.r;
  const local = repos.exchange.village(remote.id);
  checkScope(ctx, line, index, local?.originOfficeId);
  const peer = ctx.sender.officeId;
  const clash = remote.deletedAt ? undefined : repos.exchange.villageClash(remote);
  const refuseClash = () => {
    if (clash)
      throw rejected(
        `第${index}条记录（村（社区）“${remote.township}${remote.name}”）与本机已有的“${clash.township}${clash.name}”同名或代码相同，请联系对方核对`,
      );
  };
  if (!local) {
    refuseClash();
    if (ctx.write) {
      repos.exchange.putVillage(remote);
      repos.exchange.setAgreedVersion(peer, line.t, remote.id, remote.version);
    }
    return 'new';
  }
  const base = repos.exchange.agreedVersion(peer, line.t, remote.id) || 1;
  if (remote.version <= base) return 'unchanged';
  if (local.version === remote.version && content(local) === content(remote)) {
    if (ctx.write) repos.exchange.setAgreedVersion(peer, line.t, remote.id, remote.version);
    return 'unchanged';
  }
  if (local.version <= base) {
    refuseClash();
    if (ctx.write) {
      repos.exchange.putVillage(remote);
      repos.exchange.setAgreedVersion(peer, line.t, remote.id, remote.version);
    }
    return 'updated';
  }
  if (ctx.write) {
    const open = repos.exchange.openConflict(line.t, remote.id);
    if (open) repos.exchange.updateConflictRemote(open.id, JSON.stringify(remote), ctx.sequence);
    else
      repos.exchange.insertConflict({
        id: randomUUID(),
        peerOfficeId: peer,
        tableName: line.t,
        recordId: remote.id,
        local: JSON.stringify(local),
        remote: JSON.stringify(remote),
        createdAt: ctx.at,
        packageSequence: ctx.sequence,
      });
  }
  return 'conflict';
}
