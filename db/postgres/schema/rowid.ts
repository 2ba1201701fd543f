import type { Table } from './columns';

// SQLite gives every ordinary table a hidden integer key, rowid; PostgreSQL has none. The tables
// whose rowid the repositories' SQL uses get a column of that name in PostgreSQL (an identity,
// unique), so `c.rowid`, `ORDER BY created_at, rowid` and `WHERE rowid = ?` run unchanged and
// keep their meaning: a number given in insertion order. Only these tables: a rowid nothing reads
// would be a column to fill and index for nothing. Where each is used (db/repositories):

export const rowidTables: Partial<Record<Table, string>> = {
  cases:
    'the search index’s and case_scope’s key (case_search.rowid, case_scope.case_rowid); lists’ tie-break (caseListParts.ts, caseList.ts, statistics.ts, caseScope.ts, cases.ts…)',
  case_history: 'ORDER BY at, rowid (caseRecords.ts)',
  case_assignments: 'ORDER BY dispatched_at, rowid (workflow.ts)',
  case_assignment_mediators: 'ORDER BY lead DESC, rowid (workflow.ts)',
  case_records: 'ORDER BY held_at, rowid (workflow.ts)',
  attachments: 'ORDER BY created_at, rowid (workflow.ts)',
  return_visits: 'ORDER BY due_on, rowid (workflow.ts)',
  risk_reports: 'ORDER BY created_at, rowid (workflow.ts)',
  deadline_extensions: 'ORDER BY created_at, rowid (workflow.ts)',
  document_scans: 'ORDER BY created_at, rowid (documents.ts)',
  dossier_papers: 'ORDER BY created_at, rowid (dossiers.ts)',
};
