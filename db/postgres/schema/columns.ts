// What the county centre's PostgreSQL server may read (issue 17), column by column: the reviewed
// classification the schema is generated from (./generate.ts). Every column of every table is
// listed once, so a migration that adds one stops the generator until someone decides here.
//
// - plain: stored as the desk writes it. What the server's operator may see: ids (UUIDs),
//   dates and times, codes and statuses, counts, sequence numbers and amounts, organisations'
//   names, addresses and codes (统一社会信用代码 is public), mediators' names (officials), staff
//   user names, hashes and public keys.
// - sealed: `bytea` holding AES-256-GCM ciphertext made on the desk (../sealed.ts). Whatever
//   names a party or tells their dispute: names, ID numbers, phones, addresses, the dispute text,
//   records, notes and reasons written in words, documents' bytes. When a column is ambiguous it
//   is sealed if it can identify a party or tell their dispute. A CHECK refuses anything that
//   does not start as a sealed value does, so a plaintext written by mistake fails.
// - tokens: a sealed column the server must compare (an index, a unique index, an equality in a
//   repository's WHERE) gets a keyed token beside it, `<column>_key bytea` (HMAC-SHA-256 under
//   the office's token key, ../sealed.ts `token`), and the index moves to the token. Equal
//   values give equal tokens; nothing else can be read from one. Ordering, prefixes and
//   substrings of a sealed column cannot be asked of the server: the desk does those after
//   opening what an equality or the search index found.

export interface SealedGroup {
  columns: readonly string[];
  why: string;
}

export interface ColumnClasses {
  plain: readonly string[];
  sealed: readonly SealedGroup[];
  /** Sealed column → what compares it on the server (its token is `<column>_key`). */
  tokens: Readonly<Record<string, string>>;
}

/** The columns every exchanged record carries (db/entities/columns.ts). */
const sync = ['id', 'origin_office_id', 'version', 'created_at', 'updated_at', 'deleted_at'] as const;
const none: ColumnClasses['tokens'] = {};

export const columnClasses = {
  settings: {
    plain: ['key', 'value', 'origin_office_id', 'version', 'created_at', 'updated_at', 'deleted_at'],
    sealed: [],
    tokens: none,
  },
  users: {
    plain: [
      ...sync,
      'username',
      'username_key',
      'display_name',
      'roles',
      'disabled',
      'must_change_password',
      'organisation_ids',
    ],
    sealed: [],
    tokens: none,
  },
  audit_log: {
    plain: [
      'seq',
      'at',
      'actor_id',
      'actor_name',
      'action',
      'target',
      'outcome',
      'prev_hash',
      'hash',
      'format',
      'signer_id',
      'signature',
      'enrols_user_id',
      'enrols_key',
    ],
    sealed: [
      {
        columns: ['detail'],
        why: 'what an entry says names parties (不予受理：<applicant>, a record’s party, an intake)',
      },
    ],
    tokens: none,
  },
  organisations: {
    plain: [
      ...sync,
      'name',
      'kind',
      'parent_id',
      'abbreviation',
      'case_number_pattern',
      'township',
      'address',
      'active_from',
      'active_to',
      'sort',
      'specialties',
      'seal_text',
    ],
    sealed: [],
    tokens: none,
  },
  dispute_types: {
    plain: [
      'code',
      'name',
      'official_code',
      'active',
      'sort',
      'origin_office_id',
      'version',
      'created_at',
      'updated_at',
      'deleted_at',
    ],
    sealed: [],
    tokens: none,
  },
  villages: {
    plain: [...sync, 'township', 'name', 'active', 'code'],
    sealed: [],
    tokens: none,
  },
  parties: {
    plain: [...sync, 'kind', 'id_type', 'credit_code', 'representative_title'],
    sealed: [
      {
        columns: ['name', 'representative'],
        why: 'who the party is: a person’s or organisation’s name, its legal representative’s',
      },
      { columns: ['id_number', 'id_suffix'], why: 'the ID document’s number and its last four characters' },
      { columns: ['phone', 'address'], why: 'how to reach the party' },
      {
        columns: ['sex', 'ethnicity', 'birth_date', 'occupation'],
        why: 'personal details that, with the township on the case, single one person out',
      },
    ],
    tokens: {
      name: 'ix_parties_name (name, id): the repeat check (the same name in the same township, cases.ts)',
      id_number:
        'ux_parties_id: one live record per ID document per office; look-ups by ID number (parties.ts, exchangeRows.ts)',
      id_suffix:
        'ix_parties_suffix: search and suggestions by the last four characters (caseListParts.ts, parties.ts)',
    },
  },
  cases: {
    plain: [
      ...sync,
      'case_number',
      'committee_id',
      'number_year',
      'number_seq',
      'status',
      'dispute_type',
      'source',
      'township',
      'village',
      'received_on',
      'received_by',
      'received_by_name',
      'amount_fen',
      'risk_level',
      'risk_flags',
      'court_procedure',
      'handling_committee_id',
      'mediation_deadline',
      'referring_court',
      'handling_number',
    ],
    sealed: [
      {
        columns: ['summary', 'requests'],
        why: 'the dispute as told: what happened and what the applicant asks',
      },
      { columns: ['party_names'], why: 'the parties’ names as lists show them (张三 与 李四)' },
      {
        columns: ['repeat_reason', 'void_reason'],
        why: 'reasons in the clerk’s words, which name the parties or the dispute',
      },
    ],
    tokens: none,
  },
  case_parties: {
    plain: [...sync, 'case_id', 'party_id', 'role', 'position', 'agent_authority'],
    sealed: [
      {
        columns: ['agent_name', 'agent_id_number', 'agent_phone'],
        why: 'who the agent is and how to reach them',
      },
      {
        columns: ['agent_relation', 'agent_authority_detail'],
        why: 'the agent’s tie to the party (父子, 同事…) and the authority given, in words',
      },
    ],
    tokens: none,
  },
  case_links: {
    plain: [...sync, 'case_id', 'related_case_id'],
    sealed: [{ columns: ['note'], why: 'why two cases belong together, in words' }],
    tokens: none,
  },
  number_sequences: {
    plain: ['committee_id', 'year', 'last_seq'],
    sealed: [],
    tokens: none,
  },
  case_numbers: {
    plain: [
      'case_number',
      'committee_id',
      'year',
      'seq',
      'case_id',
      'state',
      'issued_at',
      'voided_at',
      'kind',
    ],
    sealed: [{ columns: ['void_reason'], why: 'the case’s void reason again (cases.void_reason)' }],
    tokens: none,
  },
  case_history: {
    plain: [...sync, 'case_id', 'at', 'actor_id', 'actor_name', 'action'],
    sealed: [
      {
        columns: ['changes', 'note'],
        why: 'every edited field before and after (names, phones, the summary), and the note on the change',
      },
    ],
    tokens: none,
  },
  intake_refusals: {
    plain: [
      ...sync,
      'received_on',
      'township',
      'dispute_type',
      'reason',
      'recorded_by',
      'recorded_by_name',
      'routes',
      'organisation_id',
    ],
    sealed: [
      {
        columns: ['applicant_name', 'applicant_phone', 'other_party_name'],
        why: 'the visitor turned away and the other side, as a case’s parties',
      },
      {
        columns: ['summary', 'reason_detail', 'told'],
        why: 'their dispute, why it was refused and what they were told',
      },
    ],
    tokens: none,
  },
  drafts: {
    plain: ['user_id', 'form', 'saved_at'],
    sealed: [{ columns: ['data'], why: 'a half-filled form: parties, ID numbers, phones, the dispute' }],
    tokens: none,
  },
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
  dossiers: {
    plain: [
      ...sync,
      'case_id',
      'committee_id',
      'volume_year',
      'volume_seq',
      'volume_number',
      'filed_by',
      'filed_by_name',
      'filed_on',
      'retention',
      'state',
      'revision',
      'checked_by',
    ],
    sealed: [
      {
        columns: ['title', 'notes', 'missing_reason'],
        why: 'the 卷名 names the parties (张三与李四邻里纠纷); notes and reasons in words',
      },
    ],
    tokens: none,
  },
  dossier_papers: {
    plain: [
      ...sync,
      'dossier_id',
      'case_id',
      'item',
      'mime_type',
      'size',
      'pages',
      'sha256',
      'added_by_name',
    ],
    sealed: [
      { columns: ['file_name', 'data'], why: 'scanned paper (ID proofs, receipts): its bytes and file name' },
    ],
    tokens: none,
  },
  dossier_archives: {
    plain: [
      ...sync,
      'dossier_id',
      'revision',
      'archived_by_name',
      'page_count',
      'sha256',
      'reopened_at',
      'reopened_by_name',
    ],
    sealed: [
      {
        columns: ['pdf', 'missing_reason', 'reopen_reason'],
        why: 'the whole file as a PDF, and reasons in words',
      },
    ],
    tokens: none,
  },
  dossier_reviews: {
    plain: [
      ...sync,
      'dossier_id',
      'case_id',
      'committee_id',
      'reviewer_id',
      'reviewer_name',
      'reviewed_on',
      'scores',
      'total',
      'grade',
    ],
    sealed: [{ columns: ['comments'], why: 'the reviewer’s comments on the file, about the case' }],
    tokens: none,
  },
  monthly_returns: {
    plain: [...sync, 'month', 'committee_id', 'figures', 'submitted_by', 'submitted_by_name', 'submitted_at'],
    sealed: [],
    tokens: none,
  },
  screening_rounds: {
    plain: [
      ...sync,
      'organisation_id',
      'held_on',
      'conducted_by',
      'method',
      'area',
      'finding_count',
      'recorded_by',
      'recorded_by_name',
    ],
    sealed: [],
    tokens: none,
  },
  screening_findings: {
    plain: [...sync, 'round_id', 'seq', 'kind', 'disposition', 'case_id'],
    sealed: [{ columns: ['summary', 'note'], why: 'a brewing dispute found while screening: who and what' }],
    tokens: none,
  },
  screening_analyses: {
    plain: [...sync, 'organisation_id', 'month', 'written_by_name'],
    sealed: [
      {
        columns: ['judgement', 'measures'],
        why: 'the month’s analysis, which may name the disputes and people it is about',
      },
    ],
    tokens: none,
  },
  subsidy_grades: {
    plain: [...sync, 'case_id', 'proposed', 'grade', 'set_by_name', 'set_on'],
    sealed: [{ columns: ['reason'], why: 'why the grade was changed, in words about the case' }],
    tokens: none,
  },
  subsidy_settlements: {
    plain: [...sync, 'period', 'state', 'total_fen', 'approved_by_name', 'approved_at'],
    sealed: [],
    tokens: none,
  },
  subsidy_lines: {
    plain: [
      ...sync,
      'settlement_id',
      'case_id',
      'mediator_id',
      'mediator_name',
      'committee_id',
      'kind',
      'grade',
      'amount_fen',
    ],
    sealed: [{ columns: ['note'], why: 'an adjustment’s note, in words about the case' }],
    tokens: none,
  },
  province_batches: {
    plain: [
      'id',
      'batch_no',
      'scope_key',
      'state',
      'created_at',
      'created_by',
      'created_by_name',
      'salt',
      'counts',
      'held_back',
      'exports',
      'last_exported_at',
      'manifest_sha256',
      'acknowledged_on',
      'acknowledged_by_name',
      'acknowledgement',
      'receipt_note',
    ],
    sealed: [],
    tokens: none,
  },
  province_sent: {
    plain: ['info_set', 'record_id', 'hash', 'batch_no'],
    sealed: [],
    tokens: none,
  },
  exchange_trusted_offices: {
    plain: [
      'office_id',
      'office_name',
      'office_kind',
      'signing_key',
      'agreement_key',
      'fingerprint',
      'trusted_at',
      'trusted_by_name',
      'revoked_at',
      'revoked_by_name',
      'revoke_reason',
    ],
    sealed: [],
    tokens: none,
  },
  exchange_peers: {
    plain: [
      'office_id',
      'last_sequence_out',
      'last_sequence_in',
      'acknowledged_out',
      'receipt_due',
      'restored_at',
      'restored_audit_seq',
      'resend_due',
    ],
    sealed: [],
    tokens: none,
  },
  exchange_audit_heads: {
    plain: ['office_id', 'seq', 'hash', 'received_at', 'package_sequence'],
    sealed: [],
    tokens: none,
  },
  exchange_packages: {
    plain: [
      'id',
      'direction',
      'peer_office_id',
      'sequence',
      'created_at',
      'handled_at',
      'handled_by_name',
      'counts',
      'manifest_sha256',
      'audit_seq',
      'audit_hash',
      'acknowledged_at',
    ],
    sealed: [],
    tokens: none,
  },
  exchange_record_versions: {
    plain: ['peer_office_id', 'table_name', 'record_id', 'agreed_version', 'sent_version', 'sent_sequence'],
    sealed: [],
    tokens: none,
  },
  exchange_conflicts: {
    plain: [
      'id',
      'peer_office_id',
      'table_name',
      'record_id',
      'created_at',
      'package_sequence',
      'resolved_at',
      'resolved_by_name',
      'resolution',
    ],
    sealed: [
      {
        columns: ['local', 'remote'],
        why: 'both versions of a conflicting record as JSON: any of the sealed columns above',
      },
    ],
    tokens: none,
  },
  province_batch_records: {
    plain: ['batch_id', 'info_set', 'record_id', 'hash'],
    sealed: [
      {
        columns: ['payload'],
        why: 'a record as published to the province: a case’s parties, ID numbers, summary',
      },
    ],
    tokens: none,
  },
} satisfies Record<string, ColumnClasses>;

export type Table = keyof typeof columnClasses;

export const isTable = (name: string): name is Table => Object.hasOwn(columnClasses, name);

/** The keyed-token column beside a sealed column. */
export const tokenColumn = (column: string) => `${column}_key`;

export function sealedColumns(table: Table): string[] {
  return (columnClasses[table].sealed as readonly SealedGroup[]).flatMap((g) => g.columns);
}

export function tokenized(table: Table): string[] {
  return Object.keys(columnClasses[table].tokens);
}
