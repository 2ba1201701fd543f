import { TOKEN_BYTES } from './sealedChecks';

// The full-text index's PostgreSQL twin. In SQLite, case_search is a contentless FTS5 table
// (migrations 0002 and 0025; db/repositories/caseSearch.ts) whose rowid is the case's rowid, with
// two columns: `terms`, the words a case is found by (names, numbers, phones, summary words as
// Han unigrams and bigrams, ID numbers' last four: main/core/cases/searchTerms.ts), and `scope`,
// one token per organisation or roster mediator whose scope holds the case (the case_scope rows).
// FTS5 keeps its index in shadow tables (case_search_data, _idx, _docsize, _config), which have
// no twin. Here it is an ordinary table:
// - rowid: the case's rowid (cases.rowid), as in SQLite; written and deleted with the case's
//   search row, and deleted with the case (tr_case_search_deleted);
// - terms: the keyed tokens (../sealed.ts `token`, HMAC-SHA-256) of the same terms, so the server
//   matches words without holding one; a CHECK refuses an element that is not a token's length,
//   so words written by mistake are refused instead of stored;
// - scope: the principals, as case_scope holds them (organisation and roster-mediator UUIDs,
//   plaintext on the server as case_scope is). In SQLite the principal's SHA-256 stood in for it
//   only because FTS5's tokenizer would have cut a UUID into pieces.
// A search is then `terms @> $words AND scope && $principals`, through case_search_hits() below.
// FTS5's prefix queries ('139' finding 13912345678) have no token to match: prefixes a search
// must find are written as terms of their own.

export const CASE_SEARCH = 'case_search';

/** The function the terms' CHECK uses (a CHECK may not hold a subquery, a function may). */
const keyedTokens = `CREATE FUNCTION keyed_tokens(tokens bytea[]) RETURNS boolean LANGUAGE sql IMMUTABLE STRICT AS $$
SELECT coalesce(bool_and(length(t) = ${TOKEN_BYTES}), true) FROM unnest(tokens) AS t
$$`;

/**
 * The hits of a search in scope. Only `terms` has an index: a case's terms are a few kilobytes
 * of tokens, kept out of line (TOAST), which the planner does not count when it weighs reading
 * the table through: at 10,000 cases it preferred reading all of it (each row's terms unpacked,
 * 55 ms) or the cases of the scope (an index on `scope`: 4,000 rows unpacked, 24 ms) to the
 * terms' index (under a millisecond). So the statement runs in a function of its own, planned
 * with sequential scans ruled out, and `scope` has no index to be tempted by: the terms' hits
 * are few, and each is checked against the scope's few principals.
 */
const searchHits = `CREATE FUNCTION case_search_hits(words bytea[], principals text[]) RETURNS TABLE (rid bigint)
LANGUAGE sql STABLE SET enable_seqscan = off AS $$
SELECT rowid FROM case_search WHERE terms @> words AND scope && principals
$$`;

export const caseSearchTwin: readonly string[] = [
  keyedTokens,
  `CREATE TABLE case_search (
  rowid bigint NOT NULL PRIMARY KEY,
  terms bytea[] NOT NULL,
  scope text[] NOT NULL,
  CONSTRAINT case_search_terms_tokens CHECK (keyed_tokens(terms))
)`,
  `CREATE INDEX ix_case_search_terms ON case_search USING gin (terms)`,
  searchHits,
];

/** The columns the twin has, for the schema test. */
export const caseSearchColumns = { rowid: 'bigint', terms: 'bytea[]', scope: 'text[]' } as const;
