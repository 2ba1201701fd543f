import { portable } from './portable';
import { splitTopLevel, wordsIn } from './sqlText';
import type { SqliteTrigger } from './sqlite';

// SQLite's triggers as PostgreSQL ones: each becomes a PL/pgSQL function of the same name and a
// row trigger that runs it, at the same time (BEFORE / AFTER), on the same event (INSERT, DELETE,
// UPDATE [OF columns]) of the same table, doing the same under the same condition. The condition
// goes into the function (PostgreSQL's WHEN may not hold a subquery, the subsidy locks' does).
// The body's statements are carried over as they are, with:
// - SELECT RAISE(ABORT, 'message') → RAISE EXCEPTION with that message, SQLSTATE 23000
//   (integrity_constraint_violation: SQLite reports it as a constraint failure too);
// - the expressions made portable (./portable.ts: IS / IS NOT, strftime's now).
// An AFTER trigger that updates its own table fires itself again in PostgreSQL (SQLite's
// recursive_triggers is off): the catalogue's version and stamp triggers do so once, and their
// own condition (an unchanged version, an unstamped row) is false the second time.

const HEADER =
  /^CREATE\s+TRIGGER\s+(\w+)\s+(BEFORE|AFTER)\s+(INSERT|DELETE|UPDATE(?:\s+OF\s+[\w\s,]+?)?)\s+ON\s+(\w+)\s+(?:FOR\s+EACH\s+ROW\s+)?(?:WHEN\s+([\s\S]+?)\s+)?BEGIN\s+([\s\S]+?)\s*END$/i;

const RAISE = /^SELECT\s+RAISE\s*\(\s*ABORT\s*,\s*('(?:[^']|'')*')\s*\)$/i;

export interface TriggerTwin {
  name: string;
  table: string;
  statements: string[];
}

/**
 * The PostgreSQL twin of one SQLite trigger; throws on a form it does not know. `sealed` gives a
 * table's sealed columns (none for a word that is not a table).
 */
export function triggerTwin(trigger: SqliteTrigger, sealed: (table: string) => string[]): TriggerTwin {
  const m = HEADER.exec(trigger.sql.trim());
  if (!m) throw new Error(`trigger ${trigger.name}: a form db/postgres/schema/triggers.ts does not know`);
  const [, name, timing, rawEvent, table, rawWhen, rawBody] = m as unknown as [
    string,
    string,
    string,
    string,
    string,
    string | undefined,
    string,
  ];
  const where = `trigger ${name}`;
  const event = rawEvent
    .replace(/\s+/g, ' ')
    .toUpperCase()
    .replace(/ OF (.*)$/, (_, cols: string) => {
      return ` OF ${cols.toLowerCase()}`;
    });
  // The server cannot compare a sealed column: neither of its own table nor of one it writes to.
  const touched = wordsIn(`${rawWhen ?? ''} ${rawBody}`);
  for (const other of [table, ...[...touched].filter((w) => w !== table)]) {
    const reads = sealed(other).filter((c) => touched.has(c));
    if (reads.length) throw new Error(`${where}: touches sealed ${other}.${reads.join(', ')}`);
  }

  const body = splitTopLevel(rawBody, ';').map((statement) => {
    const raise = RAISE.exec(statement);
    if (raise)
      return `RAISE EXCEPTION USING ERRCODE = 'integrity_constraint_violation', MESSAGE = ${raise[1]!};`;
    return `${portable(statement.replace(/\s+/g, ' '), where)};`;
  });
  const run = rawWhen
    ? [
        `  IF ${portable(rawWhen.replace(/\s+/g, ' '), where)} THEN`,
        ...body.map((s) => `    ${s}`),
        '  END IF;',
      ]
    : body.map((s) => `  ${s}`);
  // What a row trigger gives back: BEFORE goes on with the row (OLD for a delete); AFTER's is ignored.
  const result = timing.toUpperCase() === 'AFTER' ? 'NULL' : event === 'DELETE' ? 'OLD' : 'NEW';
  return {
    name,
    table,
    statements: [
      [
        `CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$`,
        'BEGIN',
        ...run,
        `  RETURN ${result};`,
        'END',
        '$$',
      ].join('\n'),
      `CREATE TRIGGER ${name} ${timing.toUpperCase()} ${event} ON ${table} FOR EACH ROW EXECUTE FUNCTION ${name}()`,
    ],
  };
}
