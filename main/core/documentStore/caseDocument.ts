import type { CaseRow, OutcomeRow, RecordRow, Repositories } from '../../../db';
import {
  performanceStatusLabels,
  referralRouteLabels,
  satisfactionLabels,
  type CaseStatus,
  type ReferralRoute,
} from '../../contract';
import { casePartiesOf } from '../cases/view';
import { partyOf } from './partyOfCase';
import type {
  Agreement,
  CaseSource,
  CaseStage,
  DocumentCase,
  Dossier,
  DossierItem,
  InvestigationRecord,
  IsoDate,
  Mediator,
  MediationRecord,
  ReturnVisit,
  Termination,
} from '../documents';
import { fileNumber, propertyRightsHint } from '../documents';
import { NotFoundError } from '../errors';
import { documentSettings, sealTextOf, type DocumentDeskSettings } from './settings';
import { officeDateTime, parseStatements, splitList, splitRequests } from './text';
import { CASE_NOT_FOUND } from '../scope';

// The one place where the case as stored becomes the DocumentCase every generator prints:
// the registration (parties with their full ID numbers — the printed form needs them, the case
// page only ever sees them masked), the workflow (assignment, records, agreement, visits,
// termination and routes told), the committee from the organisation record, and the desk's
// document settings. Missing optional data stays empty here; the document layer's printable
// check then names the field to fill in, so nothing half-filled is ever printed.

/** Where each workflow status sits in the document registry's coarse stages (null: nothing prints). */
export const stageOfStatus: Record<CaseStatus, CaseStage | null> = {
  accepted: 'registered',
  dispatched: 'registered',
  mediating: 'mediating',
  succeeded: 'agreed',
  performing: 'agreed',
  visited: 'agreed',
  closed: 'closed',
  terminated: 'terminated',
  informed: 'terminated',
  transferred: 'registered',
  voided: null,
  archived: 'archived',
};

export interface ConfirmationChoice {
  /** Case-party ids of the applicants; all parties when absent. */
  applicantPartyIds?: string[];
  courtName?: string;
  /** The clerk's answer; absent: what the dispute type tells (none when it cannot tell). */
  propertyRights?: boolean;
}

export interface LoadOptions {
  today: IsoDate;
  /** Who is generating: printed as 立卷人 on the archive papers. */
  actorName: string;
  confirmation?: ConfirmationChoice;
}

export interface LoadedCase {
  row: CaseRow;
  status: CaseStatus;
  /** null for a voided case: no document may be printed. */
  stage: CaseStage | null;
  document: DocumentCase;
  settings: DocumentDeskSettings;
}

function mediatorsOf(repos: Repositories, caseId: string): Mediator[] {
  const assignments = repos.workflow.assignments(caseId);
  const current =
    assignments.findLast((a) => a.state === 'accepted') ?? assignments.findLast((a) => a.state === 'pending');
  if (!current) return [];
  return repos.workflow
    .assignmentMediators(current.id)
    .map((m) => ({
      name: repos.mediators.byId(m.mediatorId)?.name ?? '',
      role: m.lead ? '主持调解员' : '人民调解员',
    }))
    .filter((m) => m.name);
}

function investigationOf(r: RecordRow, mediators: Mediator[], disputeType: string): InvestigationRecord {
  const investigators = mediators.length ? mediators.map((m) => m.name) : [r.recorder];
  return {
    time: officeDateTime(r.heldAt),
    place: r.place,
    investigators,
    recorder: r.recorder,
    subject: { name: splitList(r.partiesPresent).join('、') },
    othersPresent: splitList(r.participants),
    matter: r.result ? r.result : `核实${disputeType}纠纷的有关情况`,
    statements: parseStatements(r.statements),
  };
}

function mediationOf(r: RecordRow, disputeType: string, routesTold: string | undefined): MediationRecord {
  return {
    startTime: officeDateTime(r.heldAt),
    place: r.place,
    matter: `${disputeType}纠纷`,
    invitees: splitList(r.participants).map((entry) => {
      const match = /^(.+?)[（(](.+)[)）]$/.exec(entry);
      return match ? { name: match[1]!, relation: match[2]! } : { name: entry, relation: '' };
    }),
    partiesPresent: splitList(r.partiesPresent),
    rightsNoticeGiven: r.rightsNotified,
    statements: parseStatements(r.statements),
    result: r.result ?? '本次调解未形成结果，另行安排调解。',
    ...(routesTold ? { routesTold } : {}),
  };
}

function agreementOf(repos: Repositories, caseId: string): Agreement | undefined {
  const a = repos.workflow.agreement(caseId);
  if (!a) return undefined;
  return {
    kind: a.kind === 'written' ? '书面' : '口头',
    number: a.number,
    facts: a.facts,
    // Recorded apart since issue 10; older agreements keep it in the facts (one heading prints).
    ...(a.responsibility ? { responsibility: a.responsibility } : {}),
    terms: JSON.parse(a.terms) as string[],
    performance: { manner: a.performanceManner, place: a.performancePlace, deadline: a.performanceDeadline },
    ...(a.amountFen !== null ? { amountFen: a.amountFen } : {}),
    reachedDate: a.reachedOn,
    // The printed date is the day it was reached and signed; it must not move when the effective
    // date is recorded later, or the verification code on the printed copy would stop matching.
    signedDate: a.reachedOn,
    ...(a.effectiveOn ? { effectiveDate: a.effectiveOn } : {}),
    subjectMatter: a.subjectMatter as Agreement['subjectMatter'],
  };
}

function routesOf(outcome: OutcomeRow | undefined): string[] {
  if (!outcome?.informedRoutes) return [];
  return (JSON.parse(outcome.informedRoutes) as ReferralRoute[]).map((r) => referralRouteLabels[r]);
}

function terminationOf(outcome: OutcomeRow | undefined): Termination | undefined {
  if (!outcome?.terminatedOn) return undefined;
  return {
    reason: outcome.terminationReason ?? '',
    routesTold: routesOf(outcome),
    date: outcome.terminatedOn,
  };
}

function visitsOf(repos: Repositories, caseId: string, partyNames: string[]): ReturnVisit[] {
  return repos.workflow
    .visits(caseId)
    .filter((v) => v.visitedOn)
    .map((v) => ({
      date: v.visitedOn!,
      visitors: splitList(v.visitor),
      visited: partyNames,
      performance: [
        v.performanceStatus ? performanceStatusLabels[v.performanceStatus as 'performed'] : '',
        v.situation ?? '',
      ]
        .filter(Boolean)
        .join('。'),
      satisfaction: v.satisfaction ? satisfactionLabels[v.satisfaction as 'satisfied'] : '未了解',
      ...(v.courtAction ? { litigation: '当事人已就本纠纷向人民法院起诉。' } : {}),
      escalationSigns: v.escalationSigns ? '发现矛盾有激化迹象。' : '未发现矛盾激化迹象。',
      measures: v.measures ?? '无',
    }));
}

/**
 * The provisional file for a closed case (一案一卷): its papers in the provincial binding order,
 * dated from the records; page numbers are left for the archivist to write when binding.
 */
function dossierOf(
  c: DocumentCase,
  row: CaseRow,
  outcome: OutcomeRow | undefined,
  options: LoadOptions,
  settings: DocumentDeskSettings,
  attachments: number,
): Dossier {
  const item = (title: string, date?: string, note?: string): DossierItem => ({
    title,
    date,
    pages: '',
    note,
  });
  const received = row.receivedOn;
  const contents: DossierItem[] = [];
  if (c.parties.some((p) => p.role === '申请人')) contents.push(item('人民调解申请书', received));
  contents.push(
    item('人民调解受理登记表', received),
    item('当事人权利义务告知书', received),
    item('当事人身份证明', received),
  );
  if (c.parties.some((p) => p.agents.length > 0)) contents.push(item('授权委托书', received));
  for (const r of c.investigations) contents.push(item('人民调解调查记录', r.time.slice(0, 10)));
  if (attachments > 0) contents.push(item('证据材料', undefined, `${attachments}份`));
  for (const r of c.mediations) contents.push(item('人民调解记录', r.startTime.slice(0, 10)));
  if (c.agreement) {
    contents.push(
      item(
        c.agreement.kind === '书面' ? '人民调解协议书' : '人民调解口头协议登记表',
        c.agreement.reachedDate,
      ),
    );
  }
  if (c.termination) contents.push(item('调解终止告知书', c.termination.date));
  // A court-entrusted case's report to its court belongs in the file too.
  if (c.source === 'court_entrusted' && (c.agreement || c.termination)) {
    contents.push(item('调解情况说明（协议送交函）', c.agreement?.reachedDate ?? c.termination?.date));
  }
  for (const v of c.returnVisits) contents.push(item('人民调解回访记录', v.date));
  contents.push(item('备考表'));
  const end = c.agreement?.reachedDate ?? c.termination?.date ?? outcome?.closedOn ?? options.today;
  const result = c.agreement ? '调解成功' : c.termination ? '调解终止，已告知当事人其他解决途径' : '已结案';
  return {
    volumeNumber: fileNumber(c),
    filedBy: options.actorName,
    filedDate: outcome?.closedOn ?? options.today,
    retention: settings.retention,
    mediationFrom: received,
    mediationTo: end < received ? received : end,
    contents,
    notes: `本案${result}。${outcome?.closeNote ?? ''}`.trim(),
  };
}

function propertyRightsOf(answer: boolean | undefined, disputeType: string): { propertyRights?: boolean } {
  if (answer !== undefined) return { propertyRights: answer };
  const hint = propertyRightsHint(disputeType);
  return hint === 'ask' ? {} : { propertyRights: hint === 'yes' };
}

export async function loadDocumentCase(
  repos: Repositories,
  caseId: string,
  options: LoadOptions,
): Promise<LoadedCase> {
  const row = repos.cases.byId(caseId);
  if (!row) throw new NotFoundError(CASE_NOT_FOUND);
  const status = row.status as CaseStatus;
  const columns = repos.workflow.caseWorkflowColumns(caseId);
  const committeeId = columns?.handlingCommitteeId ?? row.committeeId;
  const [settings, org, type] = await Promise.all([
    documentSettings(repos),
    repos.catalog.organisation(committeeId),
    repos.catalog.disputeType(row.disputeType),
  ]);
  // One full name (the seal's words) for every document: never the short name in one and the
  // county-prefixed one in another.
  const committeeName = org ? sealTextOf(org, repos.documents.sealText(committeeId), settings.county) : '';
  const disputeType = type?.name ?? row.disputeType;
  const parties = casePartiesOf(repos, caseId).map(({ link, party }) => partyOf(link, party));
  const mediators = mediatorsOf(repos, caseId);
  const records = repos.workflow.records(caseId);
  const outcome = repos.workflow.outcome(caseId);
  const routes = routesOf(outcome);
  const mediationRows = records.filter((r) => r.kind === 'mediation');
  const source = row.source as CaseSource;
  const stage = stageOfStatus[status];

  const document: DocumentCase = {
    committee: {
      name: committeeName,
      sealText: committeeName,
      ...(org?.address ? { address: org.address } : {}),
    },
    caseNumber: row.caseNumber,
    ...(columns?.handlingNumber ? { handlingNumber: columns.handlingNumber } : {}),
    stage: stage ?? 'registered',
    disputeType,
    disputeTypeCode: row.disputeType,
    source,
    // A court-referred case registered before the court was asked for has none: its papers say
    // what to record instead of silently going to the default court.
    ...(row.referringCourt ? { referringCourt: row.referringCourt } : {}),
    township: row.township,
    receivedDate: row.receivedOn,
    summary: row.summary,
    requests: splitRequests(row.requests),
    parties,
    mediators,
    // Whoever wrote the latest record; never the mediator by default (the agreement would name
    // one person twice): with no record yet, printableIssues asks for it.
    recorder: records.at(-1)?.recorder ?? '',
    registrar: row.receivedByName,
    investigations: records
      .filter((r) => r.kind === 'investigation')
      .map((r) => investigationOf(r, mediators, disputeType)),
    mediations: mediationRows.map((r, i) =>
      mediationOf(
        r,
        disputeType,
        i === mediationRows.length - 1 && routes.length ? `${routes.join('、')}。` : undefined,
      ),
    ),
    agreement: agreementOf(repos, caseId),
    confirmation: {
      applicantPartyIds: options.confirmation?.applicantPartyIds ?? parties.map((p) => p.id),
      ...(options.confirmation?.courtName ? { courtName: options.confirmation.courtName } : {}),
      ...propertyRightsOf(options.confirmation?.propertyRights, row.disputeType),
    },
    termination: terminationOf(outcome),
    returnVisits: visitsOf(
      repos,
      caseId,
      parties.map((p) => p.name),
    ),
    settings: { dateStyle: settings.dateStyle, defaultCourt: settings.defaultCourt },
  };
  const filed = repos.dossiers.byCase(caseId);
  if ((stage === 'closed' || stage === 'archived') && filed) {
    // The filed dossier's own values; the contents' page ranges come from its PDF layout
    // (core/dossier, when the cover, contents list or back cover is generated).
    document.dossier = dossierOf(
      document,
      row,
      outcome,
      options,
      settings,
      repos.workflow.attachments(caseId).length,
    );
    Object.assign(document.dossier, {
      volumeNumber: filed.volumeNumber,
      title: filed.title,
      filedBy: filed.filedByName,
      filedDate: filed.filedOn,
      retention: filed.retention,
      ...(filed.checkedBy ? { checkedBy: filed.checkedBy } : {}),
    });
  }
  return { row, status, stage, document, settings };
}
