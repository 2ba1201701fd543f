import type { Database, Statement } from 'better-sqlite3-multiple-ciphers';

/**
 * Raw prepared statements for hot paths (search, lists, audit, bulk). Statements are compiled
 * once per connection and reused. They run on the same connection as TypeORM, so they take part
 * in whatever transaction the dispatcher opened.
 */
export class Sql {
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
}
