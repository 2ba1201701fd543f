import type { Statements } from '../sql';
import { perConnection } from './perConnection';

// The drill-down's case sets (issue 15). A figure's cases are found by evaluating its condition
// over every case of the period (10–25 ms for a year of the county at 100,000 cases); the list
// asks twice per page (the total and the page) and again for every page turned. So the set is
// evaluated once into a temporary table (memory only: temp_store=MEMORY, never written to disk)
// and reused while the data stays the same: while this connection has made no change since, as
// told by total_changes() less the rows these tables took. Only this process writes the file
// (one connection, main/core/session), so that is every change there is.

/** How many sets are kept: the figures a user moves between on one dashboard. */
const KEPT = 8;

interface Entry {
  key: string;
  table: string;
  count: number;
  changes: number;
}

class SetCache {
  private entries: Entry[] = [];
  /** Rows written into the temporary tables: they are not data changes. */
  private own = 0;
  private serial = 0;

  constructor(private readonly sql: Statements) {}

  /**
   * Changes to the data made through this connection (the kept sets' and figures' test). At the
   * county centre other desks change the same data, which no counter of this connection sees:
   * there it is never the same (NaN), so nothing is reused.
   */
  dataChanges(): number {
    if (this.sql.dialect !== 'sqlite') return NaN;
    const total = this.sql.get<{ n: number }>('SELECT total_changes() AS n')?.n ?? 0;
    return total - this.own;
  }

  /** The name of the connection's own temporary table. */
  private temporary(name: string): string {
    return `${this.sql.dialect === 'sqlite' ? 'temp' : 'pg_temp'}.${name}`;
  }

  /** DDL: on SQLite past the statement cache (every set's table has a name of its own). */
  private ddl(text: string): void {
    if (this.sql.dialect === 'sqlite') this.sql.raw.exec(text);
    else this.sql.run(text);
  }

  /** The temporary table holding the rowids the statement returns, and their number. */
  materialise(statement: { sql: string; params: unknown[] }): { table: string; count: number } {
    const key = JSON.stringify([statement.sql, statement.params]);
    const changes = this.dataChanges();
    const found = this.entries.find((e) => e.key === key);
    // A table created in a transaction that was rolled back is gone: ask before reusing it.
    if (found && found.changes === changes && this.exists(found.table)) {
      this.entries = [found, ...this.entries.filter((e) => e !== found)];
      return found;
    }
    if (found) this.drop(found);
    while (this.entries.length >= KEPT) this.drop(this.entries[this.entries.length - 1]!);
    const table = this.temporary(`statistic_set_${++this.serial}`);
    this.ddl(`CREATE TABLE ${table} (rid BIGINT PRIMARY KEY)`);
    // The statement may begin with WITH: INSERT accepts a WITH clause before its SELECT.
    const insert = `INSERT INTO ${table} ${statement.sql}`;
    const count =
      this.sql.dialect === 'sqlite'
        ? this.sql.raw.prepare(insert).run(...statement.params).changes
        : this.sql.run(insert, ...statement.params).changes;
    this.own += count;
    const entry = { key, table, count, changes };
    this.entries.unshift(entry);
    return entry;
  }

  /**
   * The search box's hits of one list call (caseList.ts), found once: their number, and the
   * statement the page reads them from (its rows: `rid`, the case's rowid). Not kept: the next
   * search replaces them. In SQLite they go into one temporary table, so the page tests cases
   * against it by rowid, with no second look at the full-text index and no copy of the hits; its
   * rows are not data changes. At the centre the rowids come to the desk and go back as one array
   * parameter: one round trip instead of four (create, empty, fill, and ANALYZE, without which
   * PostgreSQL's planner guesses 2,260 rows in a new table and joins every case to them).
   */
  searchHits(statement: { sql: string; params: unknown[] }): {
    source: { sql: string; params: unknown[] };
    count: number;
  } {
    if (this.sql.dialect !== 'sqlite') {
      const rids = this.sql.all<{ rid: number }>(statement.sql, ...statement.params).map((h) => h.rid);
      return {
        source: { sql: 'SELECT unnest(CAST(? AS bigint[])) AS rid', params: [rids] },
        count: rids.length,
      };
    }
    const table = this.temporary('search_hits');
    // CREATE ... IF NOT EXISTS: a table created in a transaction that was rolled back is gone.
    this.sql.run(`CREATE TABLE IF NOT EXISTS ${table} (rid BIGINT PRIMARY KEY)`);
    this.own += this.sql.run(`DELETE FROM ${table}`).changes;
    const count = this.sql.run(`INSERT INTO ${table} ${statement.sql}`, ...statement.params).changes;
    this.own += count;
    return { source: { sql: `SELECT rid FROM ${table}`, params: [] }, count };
  }

  private exists(table: string): boolean {
    if (this.sql.dialect !== 'sqlite')
      return this.sql.get<{ y: number }>('SELECT to_regclass(?) IS NOT NULL AS y', table)?.y === 1;
    const name = table.slice('temp.'.length);
    return (
      this.sql.get('SELECT 1 AS y FROM temp.sqlite_master WHERE type = ? AND name = ?', 'table', name) !==
      undefined
    );
  }

  private drop(entry: Entry): void {
    this.entries = this.entries.filter((e) => e !== entry);
    // DROP TABLE counts no rows in total_changes(), so nothing to take back from `own`.
    this.ddl(`DROP TABLE IF EXISTS ${entry.table}`);
  }
}

/** The set cache of one open database (it goes with the connection, and so do its tables). */
export const statisticSets = perConnection((sql) => new SetCache(sql));
