import { randomUUID } from 'node:crypto';
import { isConstraintViolation, type Repositories, type TrustedOfficeRow } from '../../../db';
import { catalogueTables } from '../../contract/exchange/catalogueRecords';
import {
  exchangeTableLabels,
  exchangeTables,
  type ExchangeLine,
  type ExchangeTable,
} from '../../contract/exchange/records';
import { caseRecordRules, type PackageCases } from './caseRules';
import { catalogueRules } from './catalogueRules';
import { ledgerRules } from './ledgerRules';
import { rejected } from './packageReader';
import { villageRules } from './villageRules';

// Merging a received record (issue 14). Who may send a record is the record kind's rule
// (./villageRules.ts, ./catalogueRules.ts: the owner office; ./caseRules.ts: the office holding
// the case, and the county for the cases in a township's scope, dossiers included;
// ./ledgerRules.ts: reviews, screening logs and 不予受理 records their author; a case link
// follows its case, as the case's other records). Against the version both sides
// last agreed on: changed only there → take it; changed here too → a conflict for a person, nothing
// overwritten; not changed → nothing. A copy held without any exchange came from the shipped
// seed, at version 1.

export type MergeOutcome = 'new' | 'updated' | 'unchanged' | 'conflict';
export type MergeCounts = Record<ExchangeTable, Record<MergeOutcome, number>>;

export function emptyCounts(): MergeCounts {
  return Object.fromEntries(
    exchangeTables.map((t) => [t, { new: 0, updated: 0, unchanged: 0, conflict: 0 }]),
  ) as MergeCounts;
}

export interface MergeContext {
  repos: Repositories;
  sender: TrustedOfficeRow;
  /** The sender's township (乡镇 name) when it is a township committee. */
  senderTownship: string | null;
  /** The township committee whose cases move (the sender, or this office). */
  township: string;
  /** It and the organisations under it (and the committees this package added under it). */
  townshipOrganisations: Set<string>;
  sequence: number;
  /** The peer had our packages through this one when it made the package. */
  receiptThrough: number;
  at: string;
  /** What this package has carried so far (cases, assignments, new parties). */
  seen: PackageCases;
  /**
   * The package answers our own restore from a backup (./resync.ts): the peer sends back what we
   * lost, the cases of its township we hold included (./caseRules.ts).
   */
  recovering: boolean;
  /** This office: the owner of the records the peer may send back when `recovering`. */
  ownOfficeId: string;
}

/** A record as held here (villages and case records alike). */
export type Row = { id: string; originOfficeId: string; version: number; deletedAt: string | null };

/**
 * A record of our own that the peer sends back in its answer to our restore: one we made after
 * our backup and sent it, which the restore lost (or an older copy of one we still hold, which
 * the merge leaves as it is). Ours in the package and ours here, if we hold it.
 */
export function ownRecordBack(ctx: MergeContext, line: ExchangeLine, local: Row | undefined): boolean {
  const own = ctx.ownOfficeId;
  return ctx.recovering && line.r.originOfficeId === own && (!local || local.originOfficeId === own);
}

/** How one kind of record is read, written and checked. */
export interface RecordRules {
  get(repos: Repositories, line: ExchangeLine): Row | undefined;
  put(repos: Repositories, line: ExchangeLine): void;
  /** Throws (rejected) when the sender may not send this record. */
  checkScope(ctx: MergeContext, line: ExchangeLine, index: number, local: Row | undefined): void;
  /** A clash with another record here (a unique name or number): “（kind “name”）与…”. */
  clash(repos: Repositories, line: ExchangeLine): string | undefined;
  /** The cases whose scope and search terms follow from this record (after it was written). */
  casesOf(repos: Repositories, line: ExchangeLine, seen: PackageCases): string[];
}

const catalogue = new Set<ExchangeTable>(catalogueTables);
const ledgers = new Set<ExchangeTable>([
  'intake_refusals',
  'dossier_reviews',
  'screening_rounds',
  'screening_findings',
  'screening_analyses',
]);

export function rulesOf(table: ExchangeTable): RecordRules {
  if (table === 'villages') return villageRules;
  if (catalogue.has(table)) return catalogueRules;
  // A dossier and its papers are recorded on a case, like the case's other records.
  return ledgers.has(table) ? ledgerRules : caseRecordRules;
}

/** The fields a person compares (everything but the sync bookkeeping). */
function content(record: object): string {
  const { version: _v, updatedAt: _u, createdAt: _c, ...rest } = record as Record<string, unknown>;
  return JSON.stringify(rest, Object.keys(rest).sort());
}

function take(ctx: MergeContext, rules: RecordRules, line: ExchangeLine, index: number): void {
  const clash = line.r.deletedAt ? undefined : rules.clash(ctx.repos, line);
  if (clash) throw rejected(`第${index}条记录${clash}，请联系对方核对`);
  try {
    rules.put(ctx.repos, line);
  } catch (error) {
    if (!isConstraintViolation(error)) throw error;
    throw rejected(
      `第${index}条记录（${exchangeTableLabels[line.t]}）引用了本机没有的数据（如自定义的纠纷类型或调解组织），请先统一县乡目录`,
    );
  }
  ctx.repos.exchange.setAgreedVersion(ctx.sender.officeId, line.t, line.r.id, line.r.version);
  for (const caseId of rules.casesOf(ctx.repos, line, ctx.seen)) ctx.seen.touched.add(caseId);
}

function stamp(r: Row): string {
  const at = (r as Row & { updatedAt?: unknown }).updatedAt;
  return typeof at === 'string' ? at : '';
}

export function mergeLine(ctx: MergeContext, line: ExchangeLine, index: number): MergeOutcome {
  const { repos } = ctx;
  const rules = rulesOf(line.t);
  const remote = line.r;
  const local = rules.get(repos, line);
  const peer = ctx.sender.officeId;
  const base = local ? repos.exchange.baseVersion(peer, line.t, remote.id, ctx.receiptThrough) || 1 : 0;
  // A record this office already has as sent (a package re-sent before our receipt reached the
  // sender) changes nothing, even when it is no longer the sender's to change (an escalated
  // case the county now handles): it is not looked at further.
  // (The same change made on both sides, with a later time stamp there, is still taken below.)
  const laterTwin = local?.version === remote.version && stamp(remote) > stamp(local);
  if (local && remote.version <= base && !laterTwin) return 'unchanged';
  rules.checkScope(ctx, line, index, local);
  if (!local) {
    take(ctx, rules, line, index);
    return 'new';
  }
  if (local.version === remote.version && content(local) === content(remote)) {
    // The same change made on both sides: the later time stamp wins on both. The side holding
    // the earlier one takes it now; the side holding the later one keeps it unagreed, so its
    // next package carries it to the other.
    if (stamp(remote) > stamp(local)) take(ctx, rules, line, index);
    else if (stamp(remote) === stamp(local))
      repos.exchange.setAgreedVersion(peer, line.t, remote.id, remote.version);
    return 'unchanged';
  }
  if (local.version <= base) {
    take(ctx, rules, line, index);
    return 'updated';
  }
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
  return 'conflict';
}
