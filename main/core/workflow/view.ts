import type { AssignmentRow, Repositories } from '../../../db';
import {
  legalActions,
  type AgreementDto,
  type CaseStatus,
  type ConfirmationOutcome,
  type DeadlineDto,
  type ReferralRoute,
  type SettingsDto,
  type WorkflowAction,
  type WorkflowDto,
} from '../../contract';
import { casePartiesOf } from '../cases/view';
import { NotFoundError } from '../errors';
import { conflictsOf } from './conflicts';
import { confirmationDeadline, dueState, mediationDeadline } from './deadlines';
import { CASE_NOT_FOUND } from '../scope';

// The case's workflow as the screen shows it: where it is, what was done, what is due.

export function assignmentView(repos: Repositories, a: AssignmentRow, orgNames: Map<string, string>) {
  const parties = casePartiesOf(repos, a.caseId);
  const mediators = repos.workflow.assignmentMediators(a.id).map((m) => {
    const mediator = repos.mediators.byId(m.mediatorId);
    return {
      id: m.mediatorId,
      name: mediator?.name ?? '（已删除）',
      lead: m.lead,
      overrideReason: m.overrideReason,
      conflicts:
        mediator && (a.state === 'pending' || a.state === 'accepted') ? conflictsOf(mediator, parties) : [],
    };
  });
  return {
    id: a.id,
    committeeId: a.committeeId,
    committeeName: orgNames.get(a.committeeId) ?? '',
    mode: a.mode as 'assigned' | 'chosen_by_parties',
    state: a.state,
    kind: a.kind,
    mediators,
    dispatchedByName: a.dispatchedByName,
    dispatchedAt: a.dispatchedAt,
    respondedByName: a.respondedByName,
    respondedAt: a.respondedAt,
    returnReason: a.returnReason,
    note: a.note,
  };
}

const mediationOpen: CaseStatus[] = ['accepted', 'dispatched', 'mediating'];

export function deadlinesOf(
  c: {
    status: string;
    receivedOn: string;
    source: string;
    courtProcedure: string | null;
    mediationDeadline: string | null;
  },
  agreement: AgreementDto | null,
  pendingVisitDue: string | null,
  settings: SettingsDto,
  today: string,
): DeadlineDto[] {
  const out: DeadlineDto[] = [];
  const add = (kind: DeadlineDto['kind'], label: string, dueOn: string) =>
    out.push({ kind, label, dueOn, ...dueState(dueOn, today) });
  if (mediationOpen.includes(c.status as CaseStatus))
    add('mediation', '调解期限', mediationDeadline(c, settings));
  if (agreement && (c.status === 'succeeded' || c.status === 'performing' || c.status === 'visited')) {
    // A court-entrusted case is reviewed by its court, not confirmed: no confirmation window.
    if (agreement.kind === 'written' && agreement.effectiveOn && c.source !== 'court_entrusted')
      add('confirmation', '司法确认申请期限', confirmationDeadline(agreement.effectiveOn));
    if (c.status !== 'visited') add('performance', '履行期限', agreement.performanceDeadline);
  }
  if (pendingVisitDue && c.status !== 'closed') add('visit', '回访', pendingVisitDue);
  return out;
}

export function agreementView(repos: Repositories, caseId: string): AgreementDto | null {
  const a = repos.workflow.agreement(caseId);
  if (!a) return null;
  return {
    id: a.id,
    kind: a.kind,
    number: a.number,
    facts: a.facts,
    responsibility: a.responsibility,
    terms: JSON.parse(a.terms) as string[],
    performanceManner: a.performanceManner,
    performancePlace: a.performancePlace,
    performanceDeadline: a.performanceDeadline,
    amountFen: a.amountFen,
    reachedOn: a.reachedOn,
    effectiveOn: a.effectiveOn,
    subjectMatter: a.subjectMatter as AgreementDto['subjectMatter'],
    confirmationDeadline: a.effectiveOn && a.kind === 'written' ? confirmationDeadline(a.effectiveOn) : null,
    confirmation:
      a.confirmationOutcome && a.confirmationCourt && a.confirmationRuledOn
        ? {
            court: a.confirmationCourt,
            outcome: a.confirmationOutcome as ConfirmationOutcome,
            ruledOn: a.confirmationRuledOn,
            rulingNumber: a.confirmationRulingNumber,
          }
        : null,
  };
}

export async function workflowView(
  repos: Repositories,
  caseId: string,
  settings: SettingsDto,
  today: string,
  /** Whether this user may change the case, and which legal actions they may take (main/core/scope). */
  user: { writable: boolean; allow: (action: WorkflowAction) => boolean },
): Promise<Omit<WorkflowDto, 'exchangeNotice'>> {
  const c = repos.cases.byId(caseId);
  if (!c) throw new NotFoundError(CASE_NOT_FOUND);
  const columns = repos.workflow.caseWorkflowColumns(caseId)!;
  const orgNames = new Map((await repos.catalog.organisations()).map((o) => [o.id, o.name]));
  const assignments = repos.workflow.assignments(caseId).map((a) => assignmentView(repos, a, orgNames));
  const current =
    [...assignments].reverse().find((a) => a.state === 'pending' || a.state === 'accepted') ?? null;
  const agreement = agreementView(repos, caseId);
  const visits = repos.workflow.visits(caseId);
  const outcome = repos.workflow.outcome(caseId);
  const risk = repos.workflow.riskReports(caseId).at(-1);
  const status = c.status as CaseStatus;
  // An escalated case arrives without mediators: it is assigned (移交) before anyone can accept it.
  const acceptable = current?.state !== 'pending' || current.mediators.length > 0;
  return {
    caseId,
    today,
    status,
    version: c.version,
    actions: legalActions(status).filter((a) => (a !== 'accept' || acceptable) && user.allow(a)),
    writable: user.writable,
    handlingCommitteeId: columns.handlingCommitteeId,
    assignment: current,
    assignments,
    records: repos.workflow.records(caseId).map((r) => ({
      id: r.id,
      kind: r.kind,
      heldAt: r.heldAt,
      place: r.place,
      participants: r.participants,
      partiesPresent: r.partiesPresent,
      rightsNotified: r.rightsNotified,
      statements: r.statements,
      result: r.result,
      recorder: r.recorder,
      createdByName: r.createdByName,
    })),
    attachments: repos.workflow.attachments(caseId).map((a) => ({
      id: a.id,
      recordId: a.recordId,
      fileName: a.fileName,
      mimeType: a.mimeType,
      size: a.size,
      sha256: a.sha256,
      description: a.description,
      addedAt: a.createdAt,
      addedByName: a.addedByName,
    })),
    agreement,
    visits: visits.map((v) => ({
      id: v.id,
      dueOn: v.dueOn,
      visitedOn: v.visitedOn,
      visitor: v.visitor,
      performanceStatus: v.performanceStatus as WorkflowDto['visits'][number]['performanceStatus'],
      satisfaction: v.satisfaction as WorkflowDto['visits'][number]['satisfaction'],
      escalationSigns: v.escalationSigns,
      courtAction: v.courtAction,
      situation: v.situation,
      measures: v.measures,
    })),
    termination:
      outcome?.terminationKind && outcome.terminatedOn
        ? {
            kind: outcome.terminationKind as 'failed',
            reason: outcome.terminationReason ?? '',
            terminatedOn: outcome.terminatedOn,
          }
        : null,
    informed:
      outcome?.informedOn && outcome.informedRoutes
        ? {
            routes: JSON.parse(outcome.informedRoutes) as ReferralRoute[],
            how: outcome.informedHow ?? '',
            toldOn: outcome.informedOn,
            note: outcome.informedNote,
          }
        : null,
    referral:
      outcome?.referralRoute && outcome.referredOn
        ? {
            route: outcome.referralRoute as ReferralRoute,
            receivingBody: outcome.referralBody,
            told: outcome.referralTold ?? '',
            referredOn: outcome.referredOn,
          }
        : null,
    riskReport: {
      required: (JSON.parse(c.riskFlags) as string[]).includes('criminal'),
      reported: risk ? risk.reported : null,
      reportedTo: risk?.reportedTo ?? null,
      reportedBy: risk?.reportedBy ?? null,
      reportedAt: risk?.reportedAt ?? null,
      reasonNotReported: risk?.reasonNotReported ?? null,
    },
    deadlines: deadlinesOf(
      { ...c, ...columns },
      agreement,
      visits.find((v) => !v.visitedOn)?.dueOn ?? null,
      settings,
      today,
    ),
    extensions: repos.workflow
      .extensions(caseId)
      .map((e) => ({ days: e.days, consent: e.consent, at: e.createdAt, byName: e.byName })),
  };
}
