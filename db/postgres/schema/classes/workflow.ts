// The classification of ../columns.ts: the roster, dispatch and mediation (assignments, records,
// attachments, agreements, visits, outcomes, risk, deadlines), documents and the case scope.
import { sync, none, type ColumnClasses } from './kinds';

export const workflowTables = {
  mediators: {
    plain: [
      ...sync,
      'kind',
      'name',
      'sex',
      'ethnicity',
      'employment',
      'certificate_number',
      'grade',
      'specialties',
      'village_group',
      'employer',
      'employer_credit_code',
      'user_id',
      'active',
    ],
    sealed: [
      {
        columns: ['id_number', 'phone'],
        why: 'a mediator’s ID number and private phone: personal data the server never compares (the name stays plain: an official)',
      },
      {
        columns: ['household_members'],
        why: 'the names and ID numbers of the mediator’s family (for recusal)',
      },
    ],
    tokens: none,
  },
  mediator_memberships: {
    plain: [...sync, 'mediator_id', 'organisation_id', 'position', 'from_on', 'to_on'],
    sealed: [],
    tokens: none,
  },
  mediator_trainings: {
    plain: [...sync, 'mediator_id', 'date', 'days', 'kind', 'topic'],
    sealed: [],
    tokens: none,
  },
  case_assignments: {
    plain: [
      ...sync,
      'case_id',
      'committee_id',
      'mode',
      'state',
      'kind',
      'dispatched_by',
      'dispatched_by_name',
      'dispatched_at',
      'responded_by',
      'responded_by_name',
      'responded_at',
    ],
    sealed: [
      {
        columns: ['return_reason', 'note'],
        why: 'why a case was returned or sent on, in words about the dispute',
      },
    ],
    tokens: none,
  },
  case_assignment_mediators: {
    plain: [...sync, 'assignment_id', 'mediator_id', 'lead'],
    sealed: [
      {
        columns: ['override_reason'],
        why: 'why a mediator was assigned despite a conflict: their tie to a party',
      },
    ],
    tokens: none,
  },
  case_records: {
    plain: [...sync, 'case_id', 'kind', 'held_at', 'rights_notified', 'recorder', 'created_by_name'],
    sealed: [
      {
        columns: ['place', 'participants', 'parties_present', 'statements', 'result'],
        why: 'the investigation or mediation record: where (often a home), who came, what each side said, the result',
      },
    ],
    tokens: none,
  },
  attachments: {
    plain: [...sync, 'case_id', 'record_id', 'mime_type', 'size', 'sha256', 'added_by_name'],
    sealed: [
      {
        columns: ['file_name', 'description', 'data'],
        why: 'evidence: its bytes, and the name and description it was given (张三身份证.jpg)',
      },
    ],
    tokens: none,
  },
  agreements: {
    plain: [
      ...sync,
      'case_id',
      'kind',
      'number',
      'performance_deadline',
      'amount_fen',
      'reached_on',
      'effective_on',
      'confirmation_court',
      'confirmation_outcome',
      'confirmation_ruled_on',
      'confirmation_ruling_number',
    ],
    sealed: [
      {
        columns: [
          'facts',
          'responsibility',
          'terms',
          'subject_matter',
          'performance_manner',
          'performance_place',
        ],
        why: 'the agreement’s text: facts, each side’s responsibility, the terms and how and where they are performed',
      },
    ],
    tokens: none,
  },
  return_visits: {
    plain: [
      ...sync,
      'case_id',
      'agreement_id',
      'due_on',
      'visited_on',
      'visitor',
      'performance_status',
      'satisfaction',
      'escalation_signs',
      'court_action',
    ],
    sealed: [{ columns: ['situation', 'measures'], why: 'what the visit found and what was done, in words' }],
    tokens: none,
  },
  case_outcomes: {
    plain: [
      ...sync,
      'case_id',
      'termination_kind',
      'terminated_on',
      'informed_routes',
      'informed_on',
      'referral_route',
      'referral_body',
      'referred_on',
      'closed_on',
    ],
    sealed: [
      {
        columns: ['termination_reason', 'informed_how', 'informed_note', 'referral_told', 'close_note'],
        why: 'how the case ended and what the parties were told, in words',
      },
    ],
    tokens: none,
  },
  risk_reports: {
    plain: [...sync, 'case_id', 'reported', 'reported_to', 'reported_by', 'reported_at', 'recorded_by_name'],
    sealed: [
      { columns: ['reason_not_reported'], why: 'why a risk was not reported, in words about the parties' },
    ],
    tokens: none,
  },
  deadline_extensions: {
    plain: [...sync, 'case_id', 'days', 'by_name'],
    sealed: [{ columns: ['consent'], why: 'how the parties consented, naming them' }],
    tokens: none,
  },
  document_versions: {
    plain: [
      ...sync,
      'case_id',
      'kind',
      'version_no',
      'title',
      'file_name',
      'size',
      'sha256',
      'fingerprint',
      'short_code',
      'case_number',
      'agreement_number',
      'generated_by',
      'generated_by_name',
    ],
    sealed: [
      {
        columns: ['data'],
        why: 'the generated .docx (title and file name are the document kind’s and the case number: plain)',
      },
    ],
    tokens: none,
  },
  document_scans: {
    plain: [...sync, 'version_id', 'case_id', 'mime_type', 'size', 'sha256', 'added_by_name'],
    sealed: [
      { columns: ['file_name', 'data'], why: 'a signed scan: its bytes and the name it was uploaded under' },
    ],
    tokens: none,
  },
  case_scope: {
    plain: ['principal', 'case_rowid'],
    sealed: [],
    tokens: none,
  },
} satisfies Record<string, ColumnClasses>;
