import {
  formatFen,
  type CaseDetail,
  type CasePartyDto,
  type CaseSource,
  type CreateCaseInput,
  type IdType,
  type PartyInput,
  type PartyRole,
  type RiskFlag,
  type RiskLevel,
  type Sex,
  type UpdateCaseInput,
} from '../../../main/contract';
import { todayIso } from '../../components/forms';

// The intake form's values: plain JSON (the draft is exactly this), close to the contract, with
// a few screen-only fields (hasAgent, what a reused party or a masked ID number looked like).

export interface AgentValues {
  name?: string;
  relation?: string;
  authority?: 'general' | 'special';
  authorityDetail?: string;
  idNumber?: string;
  phone?: string;
  /** Edit only: the number on record, shown masked. */
  idNumberMasked?: string | null;
}

export interface PartyValues {
  kind: 'person' | 'organisation';
  role: PartyRole;
  partyId?: string;
  casePartyId?: string;
  /** Screen only: how many cases the reused party record already has. */
  reusedCaseCount?: number;
  /** Screen only: registered parties offered for the name the clerk left without taking one. */
  offered?: string[];
  /** Screen only: the clerk confirmed this is a new party although others were offered. */
  confirmedNew?: boolean;
  name?: string;
  idType?: IdType;
  idNumber?: string;
  /** Edit only: the number on record, shown masked; typing a new one replaces it. */
  idNumberMasked?: string | null;
  sex?: Sex;
  ethnicity?: string;
  birthDate?: string;
  occupation?: string;
  creditCode?: string;
  representative?: string;
  representativeTitle?: string;
  address?: string;
  phone?: string;
  hasAgent?: boolean;
  agent?: AgentValues;
}

export interface CaseFormValues {
  disputeType?: string;
  source: CaseSource;
  /** Only for 法院委托 cases: the court's procedure sets the time limit (15 or 7 days). */
  courtProcedure?: 'ordinary' | 'summary';
  /** 法院委派/委托 cases: the referring court (judicial confirmation goes back there). */
  referringCourt?: string;
  township?: string;
  village?: string;
  committeeId?: string;
  receivedOn: string;
  summary?: string;
  requests?: string;
  amount?: string;
  riskLevel: RiskLevel;
  riskFlags: RiskFlag[];
  parties: PartyValues[];
  relatedCaseIds: string[];
  repeatReason?: string;
  /** Edit only. */
  reason?: string;
}

export function newParty(index: number): PartyValues {
  return {
    kind: 'person',
    role: index === 0 ? 'applicant' : index === 1 ? 'respondent' : 'third_party',
    idType: 'resident_id',
    hasAgent: false,
  };
}

export function emptyCase(committeeId: string | undefined): CaseFormValues {
  return {
    source: 'party_application',
    committeeId,
    receivedOn: todayIso(),
    riskLevel: 'normal',
    riskFlags: [],
    parties: [newParty(0), newParty(1)],
    relatedCaseIds: [],
  };
}

/** '' and whitespace are "not given": the contract's optional fields expect them absent. */
function opt<T>(value: T | undefined | null): T | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string' && value.trim() === '') return undefined;
  return value;
}

export function toPartyInput(p: PartyValues): PartyInput {
  const a = p.agent ?? {};
  const common = {
    role: p.role,
    partyId: opt(p.partyId),
    casePartyId: opt(p.casePartyId),
    address: opt(p.address),
    phone: opt(p.phone),
    agent: p.hasAgent
      ? {
          name: a.name ?? '',
          relation: opt(a.relation),
          authority: a.authority ?? 'general',
          authorityDetail: opt(a.authorityDetail),
          idNumber: opt(a.idNumber),
          phone: opt(a.phone),
        }
      : undefined,
  };
  if (p.kind === 'organisation') {
    return {
      kind: 'organisation',
      name: p.name ?? '',
      creditCode: opt(p.creditCode),
      representative: opt(p.representative),
      representativeTitle: opt(p.representativeTitle),
      ...common,
    };
  }
  return {
    kind: 'person',
    name: p.name ?? '',
    sex: opt(p.sex),
    ethnicity: opt(p.ethnicity) as Extract<PartyInput, { kind: 'person' }>['ethnicity'],
    birthDate: opt(p.birthDate),
    idType: p.idType ?? 'resident_id',
    idNumber: opt(p.idNumber),
    occupation: opt(p.occupation),
    ...common,
  };
}

function caseFields(v: CaseFormValues) {
  return {
    disputeType: v.disputeType ?? '',
    source: v.source,
    ...(isCourtReferred(v.source) ? { referringCourt: opt(v.referringCourt) } : {}),
    township: v.township ?? '',
    village: opt(v.village),
    receivedOn: v.receivedOn,
    summary: v.summary ?? '',
    requests: v.requests ?? '',
    amountFen: opt(v.amount),
    riskLevel: v.riskLevel,
    riskFlags: v.riskFlags ?? [],
    parties: (v.parties ?? []).map(toPartyInput),
  };
}

export function isCourtReferred(source: CaseSource | undefined): boolean {
  return source === 'court_delegated' || source === 'court_entrusted';
}

export function toCreateInput(v: CaseFormValues): CreateCaseInput {
  return {
    ...caseFields(v),
    ...(v.source === 'court_entrusted' ? { courtProcedure: v.courtProcedure ?? 'ordinary' } : {}),
    committeeId: v.committeeId ?? '',
    relatedCaseIds: v.relatedCaseIds ?? [],
    repeatReason: opt(v.repeatReason),
  };
}

export function toUpdateInput(detail: CaseDetail, v: CaseFormValues): UpdateCaseInput {
  return { id: detail.id, version: detail.version, ...caseFields(v), reason: opt(v.reason) };
}

/** Contract issue paths → form field names where they differ. */
export function formPath(path: (string | number)[]): (string | number)[] {
  return path[0] === 'amountFen' ? ['amount', ...path.slice(1)] : path;
}

function partyFromDetail(p: CasePartyDto): PartyValues {
  return {
    kind: p.kind,
    role: p.role,
    partyId: p.partyId,
    casePartyId: p.casePartyId,
    name: p.name,
    idType: p.idType ?? 'resident_id',
    idNumberMasked: p.idNumberMasked,
    sex: p.sex ?? undefined,
    ethnicity: p.ethnicity ?? undefined,
    birthDate: p.birthDate ?? undefined,
    occupation: p.occupation ?? undefined,
    creditCode: p.creditCode ?? undefined,
    representative: p.representative ?? undefined,
    representativeTitle: p.representativeTitle ?? undefined,
    address: p.address ?? undefined,
    phone: p.phone ?? undefined,
    hasAgent: Boolean(p.agent),
    agent: p.agent
      ? {
          name: p.agent.name,
          relation: p.agent.relation ?? undefined,
          authority: p.agent.authority,
          authorityDetail: p.agent.authorityDetail ?? undefined,
          idNumberMasked: p.agent.idNumberMasked,
          phone: p.agent.phone ?? undefined,
        }
      : undefined,
  };
}

export function fromDetail(d: CaseDetail): CaseFormValues {
  return {
    disputeType: d.disputeType,
    source: d.source,
    referringCourt: d.referringCourt ?? undefined,
    township: d.township,
    village: d.village ?? undefined,
    committeeId: d.committeeId,
    receivedOn: d.receivedOn,
    summary: d.summary,
    requests: d.requests,
    amount: d.amountFen === null ? undefined : formatFen(d.amountFen),
    riskLevel: d.riskLevel,
    riskFlags: d.riskFlags,
    parties: d.parties.map(partyFromDetail),
    relatedCaseIds: [],
  };
}
