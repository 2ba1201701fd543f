import type { RefusalRow } from '../../../db';
import type { ReferralRoute, RefusalDto, RefusalReason, refusalInput } from '../../contract';
import type { z } from 'zod';
import type { ServiceContext } from '../context';
import { ConflictError, NotFoundError } from '../errors';
import { requireDisputeType, requireTownship } from './catalog';
import { checkCaseDates } from './intake';
import { namesOf } from './view';
import { newRecord } from '../newRecord';

// 不予受理 records, the audited reveal of a full ID number, and the intake form's draft.

export async function recordRefusal(
  ctx: ServiceContext,
  input: z.output<typeof refusalInput>,
): Promise<RefusalDto> {
  requireTownship(input.township);
  const type = await requireDisputeType(ctx.repos, input.disputeType);
  await checkCaseDates(ctx, input.receivedOn);
  // The record belongs to the clerk's own organisation (the first, when they have several).
  const organisationId = ctx.scope.roots[0];
  if (!organisationId) throw new ConflictError('您的账户尚未设置所属组织，请联系管理员在“用户管理”中设置');
  const now = ctx.clock.now().toISOString();
  const row: RefusalRow = {
    ...newRecord(ctx, now),
    receivedOn: input.receivedOn,
    applicantName: input.applicantName,
    applicantPhone: input.applicantPhone ?? null,
    otherPartyName: input.otherPartyName ?? null,
    township: input.township,
    disputeType: type.code,
    summary: input.summary,
    reason: input.reason,
    reasonDetail: input.reasonDetail ?? null,
    told: input.told,
    routes: JSON.stringify(input.routes),
    recordedBy: ctx.actor.userId,
    recordedByName: ctx.actor.displayName,
    organisationId,
  };
  ctx.repos.refusals.insert(row);
  ctx.audit.target = row.id;
  ctx.audit.detail = `不予受理：${input.applicantName}`;
  return toRefusalDto(row, type.name);
}

function toRefusalDto(row: RefusalRow, disputeTypeName: string): RefusalDto {
  return {
    id: row.id,
    receivedOn: row.receivedOn,
    applicantName: row.applicantName,
    applicantPhone: row.applicantPhone,
    otherPartyName: row.otherPartyName,
    township: row.township,
    disputeTypeName,
    summary: row.summary,
    reason: row.reason as RefusalReason,
    reasonDetail: row.reasonDetail,
    told: row.told,
    routes: JSON.parse(row.routes) as ReferralRoute[],
    recordedByName: row.recordedByName,
    createdAt: row.createdAt,
  };
}

export async function listRefusals(ctx: ServiceContext, page: number, pageSize: number) {
  const { rows, total } = ctx.repos.refusals.page(
    [...ctx.scope.organisations],
    (page - 1) * pageSize,
    pageSize,
  );
  const names = namesOf(ctx.repos);
  return {
    items: rows.map((r) => toRefusalDto(r, names.disputeTypes.get(r.disputeType) ?? r.disputeType)),
    total,
    page,
    pageSize,
  };
}

/** The full ID number of a party (or its agent) on a case. Audited: who looked, at what. */
export function revealIdNumber(
  ctx: ServiceContext,
  input: { caseId: string; casePartyId: string; agent: boolean },
): { idNumber: string } {
  const link = ctx.repos.cases.parties(input.caseId).find((l) => l.id === input.casePartyId);
  if (!link) throw new NotFoundError('找不到该当事人，请刷新案件后重试');
  const party = ctx.repos.parties.byId(link.partyId)!;
  const idNumber = input.agent ? link.agentIdNumber : party.idNumber;
  if (!idNumber) throw new NotFoundError('未登记证件号码');
  const caseRow = ctx.repos.cases.byId(input.caseId)!;
  ctx.audit.target = input.caseId;
  ctx.audit.detail = `${caseRow.caseNumber}：${input.agent ? `${party.name}的代理人${link.agentName ?? ''}` : party.name}`;
  return { idNumber };
}

export function getDraft(ctx: ServiceContext, form: string) {
  return ctx.repos.drafts.get(ctx.actor.userId, form) ?? null;
}

export function saveDraft(ctx: ServiceContext, form: string, data: string) {
  const savedAt = ctx.clock.now().toISOString();
  ctx.repos.drafts.save(ctx.actor.userId, form, data, savedAt);
  return { savedAt };
}

export function clearDraft(ctx: ServiceContext, form: string) {
  ctx.repos.drafts.clear(ctx.actor.userId, form);
  return {};
}
