// Indexes only the centre's PostgreSQL has. The list of cases is ordered by received_on DESC,
// rowid DESC (db/repositories/caseList.ts); SQLite walks ix_cases_received backwards and sorts
// only each day's few ties, and stops at the page. PostgreSQL's planner, offered no index in that
// order, joins every case in scope to case_scope and sorts them all for the 20 of a page (142 ms
// at 100,000 cases for the county's clerk). With this one it walks the cases newest first and
// checks each against the scope until the page is full, as SQLite does. A desk's SQLite file
// does not need it, so it costs the desks' files nothing.

export const plannerIndexes: readonly string[] = [
  `CREATE INDEX ix_cases_list_order ON cases (received_on DESC, rowid DESC) WHERE deleted_at IS NULL`,
];
