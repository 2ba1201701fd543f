import type { Database, Statement } from 'better-sqlite3-multiple-ciphers';
import type { PgSql } from './postgres/sql';

/** The connection a repository works on: the desk's SQLite, or the county centre's PostgreSQL. */
export type Statements = Sql | PgSql;

/**
 * Raw prepared statements for hot paths (search, lists, audit, bulk). Statements are compiled
 * once per connection and reused. They run on the same connection as TypeORM, so they take part
 * in whatever transaction the dispatcher opened.
 */
export class Sql {
  readonly dialect = 'sqlite' as const;
  private readonly cache = new Map<string, Statement>();

  constructor(readonly raw: Database) {}

  private statement(text: string): Statement {
    let stmt = this.cache.get(text);
    if (!stmt) {
      stmt = this.raw.prepare(text);
      this.cache.set(text, stmt);
    }
    return stmt;
  }

  get<T>(text: string, ...params: unknown[]): T | undefined {
    return this.statement(text).get(...params) as T | undefined;
  }

  all<T>(text: string, ...params: unknown[]): T[] {
    return this.statement(text).all(...params) as T[];
  }

  run(text: string, ...params: unknown[]): { changes: number; lastInsertRowid: number | bigint } {
    return this.statement(text).run(...params);
  }

  /**
   * How SQLite would run the statement (EXPLAIN QUERY PLAN's details), for the tests that hold
   * searches and lists to their indexes. Not through the statement cache: a test explains
   * thousands of combinations.
   */
  queryPlan(text: string, params: readonly unknown[]): string[] {
    const rows = this.raw.prepare(`EXPLAIN QUERY PLAN ${text}`).all(...params) as { detail: string }[];
    return rows.map((r) => r.detail);
  }

  /** `fn` in one transaction of its own (inside another: a savepoint), synchronously. */
  transaction<T>(fn: () => T): T {
    return this.raw.transaction(fn)();
  }

  /** Nothing waits here: SQLite runs each statement as it is given (PgSql sends writes later). */
  settle(): void {}
}
