import type { DbHandle } from '../dataSource';
import { UserEntity, type UserRow } from '../entities';
import { entityRows } from './entityRows';

export class UserRepository {
  constructor(private readonly db: DbHandle) {}

  private cached?: ReturnType<typeof entityRows<UserRow>>;

  private get rows() {
    return (this.cached ??= entityRows(this.db, UserEntity));
  }

  list(): Promise<UserRow[]> {
    return Promise.resolve(this.rows.find({ deletedAt: null }, ['createdAt']));
  }

  findById(id: string): Promise<UserRow | null> {
    return Promise.resolve(this.rows.findOne({ id, deletedAt: null }));
  }

  findByUsernameKey(usernameKey: string): Promise<UserRow | null> {
    return Promise.resolve(this.rows.findOne({ usernameKey, deletedAt: null }));
  }

  insert(row: UserRow): Promise<void> {
    this.rows.insert(row);
    return Promise.resolve();
  }

  /** Optimistic update: bumps version; returns false when the row changed underneath. */
  update(row: UserRow, changes: Partial<UserRow>, updatedAt: string): Promise<boolean> {
    const changed = this.rows.update(
      { id: row.id, version: row.version },
      { ...changes, version: row.version + 1, updatedAt },
    );
    return Promise.resolve(changed === 1);
  }

  countActiveAdmins(): number {
    const row = this.db.sql.get<{ n: number }>(
      `SELECT count(*) AS n FROM users, json_each(users.roles)
       WHERE users.deleted_at IS NULL AND users.disabled = 0 AND json_each.value = 'admin'`,
    );
    return row?.n ?? 0;
  }
}
