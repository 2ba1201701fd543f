// SQLite functions the repositories' statements call, made in PostgreSQL under the same names
// with SQLite's meaning, so one statement serves both stores (the SQL differences stay in db/):
// - json_each(text): the elements of a JSON array as rows (key: the index, value: the element as
//   text), as SQLite's table-valued function gives them (PostgreSQL's own json_each takes json
//   objects; this one takes the text the columns and parameters hold);
// - instr(text, text): where the second text first stands in the first, from 1; 0 if nowhere;
// - max(a, b) / min(a, b) with two arguments: SQLite's scalar forms (PostgreSQL's greatest and
//   least); the one-argument aggregates are untouched;
// - sum(condition): SQLite counts the rows where a condition holds by summing it (true is 1);
//   PostgreSQL sums no booleans, so an aggregate over them does (NULL for no rows, as SQLite);
// - date(day, modifier): a 'YYYY-MM-DD' day moved by a modifier such as '+30 days' (the
//   statistics' overdue test: received on + the time limit), as 'YYYY-MM-DD' again.

export const sqliteCompatibility: readonly string[] = [
  `CREATE FUNCTION json_each(list text) RETURNS TABLE (key bigint, value text) LANGUAGE sql IMMUTABLE STRICT AS $$
SELECT o - 1, v FROM json_array_elements_text(list::json) WITH ORDINALITY AS t(v, o)
$$`,
  `CREATE FUNCTION instr(haystack text, needle text) RETURNS integer LANGUAGE sql IMMUTABLE STRICT AS $$
SELECT strpos(haystack, needle)
$$`,
  `CREATE FUNCTION max(a bigint, b bigint) RETURNS bigint LANGUAGE sql IMMUTABLE AS $$
SELECT greatest(a, b)
$$`,
  `CREATE FUNCTION min(a bigint, b bigint) RETURNS bigint LANGUAGE sql IMMUTABLE AS $$
SELECT least(a, b)
$$`,
  `CREATE FUNCTION sum_true(total bigint, holds boolean) RETURNS bigint LANGUAGE sql IMMUTABLE AS $$
SELECT CASE WHEN holds IS NULL THEN total ELSE coalesce(total, 0) + CASE WHEN holds THEN 1 ELSE 0 END END
$$`,
  `CREATE AGGREGATE sum(boolean) (SFUNC = sum_true, STYPE = bigint)`,
  `CREATE FUNCTION date(day text, modifier text) RETURNS text LANGUAGE sql STABLE STRICT AS $$
SELECT to_char(day::date + modifier::interval, 'YYYY-MM-DD')
$$`,
];
