import type { DeferredWrite, PgBridge } from './bridge';
import { postgresText } from './statementText';
import { isSealed, open, token, type SealingKeys } from './sealed';
import type { Sealing } from './sealing';

// The repositories' raw-statement surface (get / all / run, as db/sql.ts gives it over SQLite)
// over the centre's PostgreSQL. Statements keep SQLite's `?` (numbered here); personal data is
// sealed on the way in (./sealing.ts) and rows come back with every sealed value opened,
// whichever column or alias it came through, so a repository reads a party's name the same from
// either store.

const deferrable = /^\s*(INSERT|UPDATE|DELETE)\b/i;
const rollback = /^\s*ROLLBACK\b/i;

export class PgSql {
  readonly dialect = 'postgres' as const;
  /** Transactions open on the connection (the first BEGIN, then savepoints). */
  private depth = 0;

  constructor(
    readonly bridge: PgBridge,
    private readonly keys: SealingKeys,
    private readonly sealing: Sealing,
  ) {}

  private rows<T>(text: string, params: unknown[]): { rows: T[]; rowCount: number } {
    const sealed = this.sealing.apply(text, params);
    const result = this.bridge.query<Record<string, unknown>>(postgresText(sealed.text), sealed.params);
    for (const row of result.rows) {
      for (const column in row) {
        const value = row[column];
        if (isSealed(value)) row[column] = open(this.keys, value);
      }
    }
    return result as unknown as { rows: T[]; rowCount: number };
  }

  get<T>(text: string, ...params: unknown[]): T | undefined {
    return this.rows<T>(text, params).rows[0];
  }

  all<T>(text: string, ...params: unknown[]): T[] {
    return this.rows<T>(text, params).rows;
  }

  /**
   * Inside a transaction an INSERT, UPDATE or DELETE without RETURNING goes to the server with
   * the next statement (PgBridge.defer): `changes`, when read, sends it at once. A ROLLBACK drops
   * what waits; any other statement (a SAVEPOINT, a read, COMMIT) takes it along.
   */
  run(text: string, ...params: unknown[]): { changes: number } {
    if (this.depth > 0 && deferrable.test(text) && !/\bRETURNING\b/i.test(text)) {
      const write = this.deferred(text, params);
      return {
        get changes() {
          return write.rowCount();
        },
      };
    }
    if (rollback.test(text)) this.bridge.discard();
    return { changes: this.rows(text, params).rowCount };
  }

  /**
   * A statement whose result is never read, sent with the next one (PgBridge.defer) and run by
   * the server before it, as its own statement: its own snapshot, its own locks.
   */
  runLater(text: string, ...params: unknown[]): void {
    this.deferred(text, params);
  }

  private deferred(text: string, params: unknown[]): DeferredWrite {
    const sealed = this.sealing.apply(text, params);
    return this.bridge.defer(postgresText(sealed.text), sealed.params);
  }

  /** Sends the writes waiting for the next statement now, so a failure of theirs is thrown here. */
  settle(): void {
    this.bridge.flush();
  }

  /**
   * Rows of one table in one statement (the migration of a desk's file: db/postgres/copy.ts).
   * Each row is sealed exactly as the repositories' own single-row INSERT of it would be, its
   * tokens beside it; the rows then go to the server as one multi-row VALUES list (the sealing
   * reads one row's shape, so the list is put together here, after it).
   */
  insertRows(table: string, columns: readonly string[], rows: readonly (readonly unknown[])[]): number {
    if (rows.length === 0) return 0;
    const one = `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`;
    const params: unknown[] = [];
    let head = '';
    let width = 0;
    for (const row of rows) {
      const sealed = this.sealing.apply(one, row);
      head = sealed.text.slice(0, sealed.text.lastIndexOf('VALUES'));
      width = sealed.params.length;
      params.push(...sealed.params);
    }
    let n = 0;
    const tuples = rows.map(() => `(${Array.from({ length: width }, () => `$${++n}`).join(', ')})`);
    return this.bridge.query(`${head}VALUES ${tuples.join(', ')}`, params).rowCount;
  }

  /** The keyed tokens the server holds for these words (search terms, names it compares). */
  tokens(words: readonly string[]): Buffer[] {
    return words.map((w) => token(this.keys, w));
  }

  /** How PostgreSQL would run the statement (EXPLAIN's lines). */
  queryPlan(text: string, params: readonly unknown[]): string[] {
    return this.rows<{ 'QUERY PLAN': string }>(`EXPLAIN ${text}`, [...params]).rows.map(
      (r) => r['QUERY PLAN'],
    );
  }

  /** `fn` in one transaction of its own (inside another: a savepoint), synchronously. */
  transaction<T>(fn: () => T): T {
    const savepoint = this.depth > 0 ? `s${this.depth}` : null;
    // BEGIN goes with the transaction's first statement. A SAVEPOINT is sent at once: a rollback
    // to it drops the writes still waiting, which must all be its own.
    if (savepoint) this.bridge.query(`SAVEPOINT ${savepoint}`);
    else this.bridge.defer('BEGIN', []);
    this.depth++;
    try {
      const result = fn();
      this.bridge.query(savepoint ? `RELEASE SAVEPOINT ${savepoint}` : 'COMMIT');
      return result;
    } catch (error) {
      this.bridge.discard();
      try {
        this.bridge.query(savepoint ? `ROLLBACK TO SAVEPOINT ${savepoint}` : 'ROLLBACK');
      } catch {
        // The connection went with the transaction: the server has rolled it back already.
      }
      throw error;
    } finally {
      this.depth--;
    }
  }

  /** Whether a transaction is open on the connection. */
  get inTransaction(): boolean {
    return this.depth > 0;
  }

  /** Begins the transaction an asynchronous call runs in (see ./store.ts); nested calls are refused. */
  begin(): void {
    if (this.depth > 0) throw new Error('a transaction is already open on this connection');
    // Sent with the transaction's first statement.
    this.bridge.defer('BEGIN', []);
    this.depth = 1;
  }

  /** Ends what begin() began: COMMIT, or ROLLBACK when `commit` is false. */
  end(commit: boolean): void {
    this.depth = 0;
    if (commit) {
      this.bridge.query('COMMIT');
      return;
    }
    this.bridge.discard();
    try {
      this.bridge.query('ROLLBACK');
    } catch {
      // The connection went with the transaction: the server has rolled it back already.
    }
  }
}
