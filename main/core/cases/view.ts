import type { CasePartyRow, CaseRow, PartyRow, Repositories } from '../../../db';
import {
  maskIdNumber,
  type CaseDetail,
  type CaseListItem,
  type CasePartyDto,
  type CaseSource,
  type CaseStatus,
  type IdType,
  type PartyRole,
  type RiskFlag,
  type RiskLevel,
  type Sex,
} from '../../contract';
import type { ServiceContext } from '../context';
import { mayWrite, requireCase } from '../scope';

// Rows → the DTOs the screen gets. ID numbers leave masked; the full number needs
// cases:revealIdNumber, which is audited.

export interface Names {
  disputeTypes: Map<string, string>;
  committees: Map<string, string>;
}

export function namesOf(repos: Repositories): Names {
  const names = repos.catalog.names();
  return { disputeTypes: names.disputeTypes, committees: names.organisations };
}

export function toListItem(row: CaseRow, names: Names): CaseListItem {
  return {
    id: row.id,
    caseNumber: row.caseNumber,
    status: row.status as CaseStatus,
    disputeType: row.disputeType,
    disputeTypeName: names.disputeTypes.get(row.disputeType) ?? row.disputeType,
    source: row.source as CaseSource,
    township: row.township,
    village: row.village,
    committeeName: names.committees.get(row.committeeId) ?? '',
    receivedOn: row.receivedOn,
    receivedByName: row.receivedByName,
    partyNames: row.partyNames,
    amountFen: row.amountFen,
    riskLevel: row.riskLevel as RiskLevel,
  };
}

function toCasePartyDto(link: CasePartyRow, party: PartyRow): CasePartyDto {
  return {
    casePartyId: link.id,
    partyId: party.id,
    role: link.role as PartyRole,
    kind: party.kind,
    name: party.name,
    sex: party.sex as Sex | null,
    ethnicity: party.ethnicity,
    birthDate: party.birthDate,
    idType: party.idType as IdType | null,
    idNumberMasked: party.idNumber ? maskIdNumber(party.idNumber) : null,
    occupation: party.occupation,
    creditCode: party.creditCode,
    representative: party.representative,
    representativeTitle: party.representativeTitle,
    address: party.address,
    phone: party.phone,
    agent: link.agentName
      ? {
          name: link.agentName,
          relation: link.agentRelation,
          authority: (link.agentAuthority ?? 'general') as 'general' | 'special',
          authorityDetail: link.agentAuthorityDetail,
          idNumberMasked: link.agentIdNumber ? maskIdNumber(link.agentIdNumber) : null,
          phone: link.agentPhone,
        }
      : null,
  };
}

export function casePartiesOf(
  repos: Repositories,
  caseId: string,
): { link: CasePartyRow; party: PartyRow }[] {
  const links = repos.cases.parties(caseId);
  const parties = repos.parties.byIds(links.map((l) => l.partyId));
  return links.map((link) => ({ link, party: parties.get(link.partyId)! }));
}

/** The case as its page shows it, to a user who may read it (related cases: those in scope too). */
export async function caseDetail(ctx: ServiceContext, caseId: string): Promise<CaseDetail> {
  const { repos } = ctx;
  const row = requireCase(ctx, caseId, 'read');
  const names = namesOf(repos);
  return {
    ...toListItem(row, names),
    version: row.version,
    writable: mayWrite(ctx, row),
    committeeId: row.committeeId,
    summary: row.summary,
    requests: row.requests,
    riskFlags: JSON.parse(row.riskFlags) as RiskFlag[],
    repeatReason: row.repeatReason,
    voidReason: row.voidReason,
    referringCourt: row.referringCourt,
    handlingNumber: repos.workflow.caseWorkflowColumns(caseId)?.handlingNumber ?? null,
    parties: casePartiesOf(repos, caseId).map(({ link, party }) => toCasePartyDto(link, party)),
    related: repos.cases.links(caseId, ctx.scope.principals).map((l) => ({
      caseId: l.relatedCaseId,
      caseNumber: l.caseNumber,
      status: l.status as CaseStatus,
      partyNames: l.partyNames,
      note: l.note,
    })),
    history: repos.caseHistory.forCase(caseId).map((h) => ({
      at: h.at,
      actorName: h.actorName,
      action: h.action,
      changes: JSON.parse(h.changes) as { field: string; before: string; after: string }[],
      note: h.note,
    })),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
