// The classification of ../columns.ts: the 卷宗 (dossiers, papers, archives, reviews), statistics,
// screening and the subsidy.
import { sync, none, type ColumnClasses } from './kinds';

export const filesTables = {
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
} satisfies Record<string, ColumnClasses>;
