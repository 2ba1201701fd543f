import { randomUUID } from 'node:crypto';
import type { CasePartyRow, CaseRow, PartyRow } from '../../../db';
import type { CaseDetail, ParsedCreateCaseInput, ParsedPartyInput } from '../../contract';
import type { ServiceContext } from '../context';
import { today } from '../dates';
import { ValidationError } from '../errors';
import { formatCaseNumber } from './caseNumber';
import { isActiveOn, requireDisputeType, requireTownship } from './catalog';
import { recordHistory } from './history';
import { resolveParty } from './parties';
import { findRepeats } from './repeats';
import { caseSearchText, partyNamesOf } from './searchIndex';
import { caseDetail } from './view';
import { newRecord } from '../newRecord';

// Registering a dispute (受理登记). Everything — number, case, parties, links, history, search
// terms, draft removal — happens in the dispatcher's one transaction with its audit entry:
// either the whole intake is there, or none of it.

export async function checkCaseDates(ctx: ServiceContext, receivedOn: string): Promise<void> {
  const now = today(ctx.clock);
  if (receivedOn > now) throw ValidationError.field(['receivedOn'], '受理日期', `不能晚于今天（${now}）`);
  if (receivedOn < '2000-01-01') throw ValidationError.field(['receivedOn'], '受理日期', '日期过早，请核对');
}

export function linkParties(
  ctx: ServiceContext,
  caseId: string,
  inputs: ParsedPartyInput[],
  resolved: PartyRow[],
  now: string,
  keep: Map<string, CasePartyRow> = new Map(),
): { link: CasePartyRow; party: PartyRow }[] {
  return inputs.map((input, position) => {
    const previous = input.casePartyId ? keep.get(input.casePartyId) : undefined;
    const agent = input.agent;
    const link: CasePartyRow = {
      id: previous?.id ?? randomUUID(),
      originOfficeId: previous?.originOfficeId ?? ctx.office.id,
      version: previous ? previous.version + 1 : 1,
      createdAt: previous?.createdAt ?? now,
      updatedAt: now,
      deletedAt: null,
      caseId,
      partyId: resolved[position]!.id,
      role: input.role,
      position,
      agentName: agent?.name ?? null,
      agentRelation: agent?.relation ?? null,
      agentAuthority: agent?.authority ?? null,
      agentAuthorityDetail: agent?.authorityDetail ?? null,
      // On edit the screen only has the masked number: an agent left as it was keeps the stored one.
      agentIdNumber: agent?.idNumber
        ? agent.idNumber.normalize('NFKC').replace(/\s+/g, '').toUpperCase()
        : agent && previous?.agentName === agent.name
          ? previous.agentIdNumber
          : null,
      agentPhone: agent?.phone ?? null,
    };
    if (previous) ctx.repos.cases.updateParty(link);
    else ctx.repos.cases.insertParty(link);
    return { link, party: resolved[position]! };
  });
}

export function resolveAll(
  ctx: ServiceContext,
  inputs: ParsedPartyInput[],
  now: string,
  /** The parties the case names now (an edit keeps them). */
  linked?: ReadonlySet<string>,
): { rows: PartyRow[]; warnings: string[] } {
  const day = today(ctx.clock);
  const rows: PartyRow[] = [];
  const warnings: string[] = [];
  inputs.forEach((input, index) => {
    const { row, warnings: w } = resolveParty(ctx.repos, input, index, {
      today: day,
      now,
      officeId: ctx.office.id,
      ...(linked ? { linked } : {}),
    });
    // Two offices' records of one person (./parties.ts) are still one person in the case.
    const samePerson = (r: PartyRow) =>
      r.id === row.id ||
      (r.idNumber !== null && r.idType === row.idType && r.idNumber === row.idNumber) ||
      (r.creditCode !== null && r.creditCode === row.creditCode);
    if (rows.some(samePerson)) {
      throw ValidationError.field(
        ['parties', index, 'name'],
        `当事人 › 第${index + 1}项 › 姓名`,
        `“${row.name}”已在本案中登记过一次`,
      );
    }
    rows.push(row);
    warnings.push(...w);
  });
  return { rows, warnings };
}

const COURT_SOURCES = ['court_delegated', 'court_entrusted'];

/** The referring court of a court-referred case (required there), else null. */
export function referringCourtOf(input: {
  source: string;
  referringCourt?: string | undefined;
}): string | null {
  if (!COURT_SOURCES.includes(input.source)) return null;
  if (!input.referringCourt) {
    throw ValidationError.field(
      ['referringCourt'],
      '委派（委托）法院',
      '法院委派或委托的案件，请填写委派（委托）调解的法院',
    );
  }
  return input.referringCourt;
}

export async function createCase(ctx: ServiceContext, input: ParsedCreateCaseInput): Promise<CaseDetail> {
  const committee = await ctx.repos.catalog.organisation(input.committeeId);
  if (!committee || !isActiveOn(committee, input.receivedOn))
    throw ValidationError.field(['committeeId'], '受理调委会', '请从列表中选择受理调委会');
  const disputeType = await requireDisputeType(ctx.repos, input.disputeType);
  requireTownship(input.township);
  await checkCaseDates(ctx, input.receivedOn);

  for (const [i, relatedId] of input.relatedCaseIds.entries()) {
    if (!ctx.repos.cases.byId(relatedId))
      throw ValidationError.field(['relatedCaseIds', i], '关联案件', '关联的案件不存在');
  }
  const repeats = await findRepeats(ctx.repos, ctx.scope.principals, today(ctx.clock), {
    township: input.township,
    parties: input.parties.map((p) => ({
      name: p.name,
      idNumber: p.kind === 'person' && p.idType === 'resident_id' ? p.idNumber : undefined,
      creditCode: p.kind === 'organisation' ? p.creditCode : undefined,
    })),
  });
  const unlinked = repeats.filter((r) => !input.relatedCaseIds.includes(r.caseId));
  if (unlinked.length > 0 && !input.repeatReason) {
    throw ValidationError.field(
      ['repeatReason'],
      '继续登记的理由',
      `发现疑似重复纠纷 ${unlinked.map((r) => r.caseNumber).join('、')}：请关联为相关案件，或填写继续登记的理由`,
    );
  }

  const now = ctx.clock.now().toISOString();
  const { rows: partyRows, warnings } = resolveAll(ctx, input.parties, now);

  const year = Number(input.receivedOn.slice(0, 4));
  const seq = ctx.repos.caseNumbers.next(committee.id, year);
  const caseNumber = formatCaseNumber(committee.caseNumberPattern, {
    year,
    abbr: committee.abbreviation,
    seq,
  });
  const row: CaseRow = {
    ...newRecord(ctx, now),
    caseNumber,
    committeeId: committee.id,
    numberYear: year,
    numberSeq: seq,
    status: 'accepted',
    disputeType: disputeType.code,
    source: input.source,
    township: input.township,
    village: input.village ?? null,
    receivedOn: input.receivedOn,
    receivedBy: ctx.actor.userId,
    receivedByName: ctx.actor.displayName,
    summary: input.summary,
    requests: input.requests,
    amountFen: input.amountFen ?? null,
    riskLevel: input.riskLevel,
    riskFlags: JSON.stringify(input.riskFlags),
    partyNames: partyNamesOf(input.parties.map((p, i) => ({ name: partyRows[i]!.name, role: p.role }))),
    repeatReason: unlinked.length > 0 ? (input.repeatReason ?? null) : null,
    voidReason: null,
    referringCourt: referringCourtOf(input),
  };
  const rowid = ctx.repos.cases.insert(row);
  if (input.source === 'court_entrusted')
    ctx.repos.workflow.setCourtProcedure(row.id, input.courtProcedure ?? 'ordinary');
  ctx.repos.caseNumbers.issue({ caseNumber, committeeId: committee.id, year, seq, caseId: row.id, at: now });
  const linked = linkParties(ctx, row.id, input.parties, partyRows, now);
  for (const relatedId of input.relatedCaseIds) {
    ctx.repos.cases.insertLink({
      ...newRecord(ctx, now),
      caseId: row.id,
      relatedCaseId: relatedId,
      note: '登记时关联的疑似重复纠纷',
    });
  }
  ctx.repos.cases.setSearchTerms(rowid, caseSearchText(row, linked, disputeType.name));
  recordHistory(ctx, row.id, '受理登记', [], warnings.length ? `提示：${warnings.join('；')}` : null);
  ctx.repos.drafts.clear(ctx.actor.userId, 'intake');

  ctx.audit.target = row.id;
  ctx.audit.detail = [
    `案号 ${caseNumber}`,
    row.repeatReason ? `存在疑似重复纠纷，继续登记理由：${row.repeatReason}` : '',
  ]
    .filter(Boolean)
    .join('；');
  return caseDetail(ctx, row.id);
}
