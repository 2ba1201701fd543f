// The classification of ../columns.ts: settings, users, the audit log, the catalogue, parties, cases
// and what intake writes with them (numbers, history, refusals, drafts).
import { sync, none, type ColumnClasses } from './kinds';

export const intakeTables = {
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
} satisfies Record<string, ColumnClasses>;
