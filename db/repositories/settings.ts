import type { DbHandle } from '../dataSource';

export class SettingsRepository {
  constructor(private readonly db: DbHandle) {}

  get<T>(key: string): Promise<T | undefined> {
    const row = this.db.sql.get<{ value: string }>(`SELECT value FROM settings WHERE key = ?`, key);
    return Promise.resolve(row ? (JSON.parse(row.value) as T) : undefined);
  }

  /** set() with the value already JSON (bulk loads outside TypeORM). */
  setRaw(key: string, json: string): void {
    this.db.sql.run(
      `INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
      key,
      json,
    );
  }

  /**
   * One upsert (the shared settings' version trigger still sees only a changed value). Not
   * TypeORM's save(), which reads the row back first: the audit head is set on every call.
   */
  async set(key: string, value: unknown): Promise<void> {
    this.setRaw(key, JSON.stringify(value));
  }

  remove(key: string): Promise<void> {
    this.db.sql.run(`DELETE FROM settings WHERE key = ?`, key);
    return Promise.resolve();
  }
}
