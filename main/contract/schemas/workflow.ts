import { z } from 'zod';
import { caseStatuses } from './catalog';
import { id, isoDateTime } from './common';
import { workflowActions } from '../workflow';
import { assignmentModes, referralRoutes } from './dispatch';
import { agreementDto, attachmentDto, recordDto, terminationKinds, visitDto } from './mediation';

// The case's workflow as the screen shows it (where it is, what was done, what is due), and
// 我的待办 / the county overview.

export const dueStates = ['overdue', 'due3', 'due7', 'ok'] as const;
export type DueState = (typeof dueStates)[number];

export const deadlineDto = z.object({
  kind: z.enum(['mediation', 'confirmation', 'visit', 'performance']),
  label: z.string(),
  dueOn: z.string(),
  state: z.enum(dueStates),
  daysLeft: z.number().int(),
});
export type DeadlineDto = z.infer<typeof deadlineDto>;

export const assignmentDto = z.object({
  id,
  committeeId: id,
  committeeName: z.string(),
  mode: z.enum(assignmentModes),
  state: z.enum(['pending', 'accepted', 'returned', 'superseded']),
  kind: z.enum(['dispatch', 'transfer', 'escalation']),
  mediators: z.array(
    z.object({
      id,
      name: z.string(),
      lead: z.boolean(),
      overrideReason: z.string().nullable(),
      /** Re-checked against the case's current parties: a party edit can create a conflict later. */
      conflicts: z.array(z.string()),
    }),
  ),
  dispatchedByName: z.string(),
  dispatchedAt: isoDateTime,
  respondedByName: z.string().nullable(),
  respondedAt: z.string().nullable(),
  returnReason: z.string().nullable(),
  note: z.string().nullable(),
});

export const workflowDto = z.object({
  caseId: id,
  /** The office's calendar day (Beijing time; moves with the test clock). */
  today: z.string(),
  status: z.enum(caseStatuses),
  version: z.number().int(),
  /** Legal next steps that this user may take (role permissions are checked by the screen too). */
  actions: z.array(z.enum(workflowActions)),
  /** Whether this user may change the case (committee scope): false for a sender after transfer. */
  writable: z.boolean(),
  handlingCommitteeId: z.string().nullable(),
  assignment: assignmentDto.nullable(),
  assignments: z.array(assignmentDto),
  records: z.array(recordDto),
  attachments: z.array(attachmentDto),
  agreement: agreementDto.nullable(),
  visits: z.array(visitDto),
  termination: z
    .object({ kind: z.enum(terminationKinds), reason: z.string(), terminatedOn: z.string() })
    .nullable(),
  informed: z
    .object({
      routes: z.array(z.enum(referralRoutes)),
      how: z.string(),
      toldOn: z.string(),
      note: z.string().nullable(),
    })
    .nullable(),
  referral: z
    .object({
      route: z.enum(referralRoutes),
      receivingBody: z.string().nullable(),
      told: z.string(),
      referredOn: z.string(),
    })
    .nullable(),
  riskReport: z.object({
    required: z.boolean(),
    reported: z.boolean().nullable(),
    reportedTo: z.string().nullable(),
    reportedBy: z.string().nullable(),
    reportedAt: z.string().nullable(),
    reasonNotReported: z.string().nullable(),
  }),
  deadlines: z.array(deadlineDto),
  extensions: z.array(
    z.object({ days: z.number().int(), consent: z.string(), at: isoDateTime, byName: z.string() }),
  ),
  // ── exchange (issue 14) ──
  /** Sent to a committee of another installation: where the package that carries it stands. */
  exchangeNotice: z.string().nullable(),
});
export type WorkflowDto = z.infer<typeof workflowDto>;

// ─── 我的待办 ─────────────────────────────────────────────────────────────────────────────────

export const todoItem = z.object({
  caseId: id,
  caseNumber: z.string(),
  partyNames: z.string(),
  status: z.enum(caseStatuses),
  committeeName: z.string(),
  what: z.string(),
  dueOn: z.string().nullable(),
  state: z.enum(dueStates),
  daysLeft: z.number().int().nullable(),
});
export type TodoItem = z.infer<typeof todoItem>;

export const todoDto = z.object({
  today: z.string(),
  newArrivals: z.array(todoItem),
  returned: z.array(todoItem),
  dueSoon: z.array(todoItem),
  overdue: z.array(todoItem),
});
export type TodoDto = z.infer<typeof todoDto>;

export const overviewRow = z.object({
  committeeId: id,
  committeeName: z.string(),
  open: z.number().int(),
  newArrivals: z.number().int(),
  dueSoon: z.number().int(),
  overdue: z.number().int(),
  returned: z.number().int(),
});
export const overviewDto = z.object({ today: z.string(), rows: z.array(overviewRow) });
export type OverviewDto = z.infer<typeof overviewDto>;
