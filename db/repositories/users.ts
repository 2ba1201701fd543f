import { IsNull } from 'typeorm';
import type { DbHandle } from '../dataSource';
import { UserEntity, type UserRow } from '../entities';

export class UserRepository {
  constructor(private readonly db: DbHandle) {}

  private get repo() {
    return this.db.em.getRepository(UserEntity);
  }

  list(): Promise<UserRow[]> {
    return this.repo.find({ where: { deletedAt: IsNull() }, order: { createdAt: 'ASC' } });
  }

  findById(id: string): Promise<UserRow | null> {
    return this.repo.findOneBy({ id, deletedAt: IsNull() });
  }

  findByUsernameKey(usernameKey: string): Promise<UserRow | null> {
    return this.repo.findOneBy({ usernameKey, deletedAt: IsNull() });
  }

  async insert(row: UserRow): Promise<void> {
    await this.repo.insert(row);
  }

  /** Optimistic update: bumps version; returns false when the row changed underneath. */
  async update(row: UserRow, changes: Partial<UserRow>, updatedAt: string): Promise<boolean> {
    const result = await this.repo.update(
      { id: row.id, version: row.version },
      { ...changes, version: row.version + 1, updatedAt },
    );
    return (result.affected ?? 0) === 1;
  }

  /** The user's organisations (raw: read on every call to work out the committee scope). */
  organisationIdsOf(userId: string): string[] {
    const row = this.db.sql.get<{ ids: string }>(
      `SELECT organisation_ids AS ids FROM users WHERE id = ? AND deleted_at IS NULL`,
      userId,
    );
    return row ? (JSON.parse(row.ids) as string[]) : [];
  }

  countActiveAdmins(): number {
    const row = this.db.sql.get<{ n: number }>(
      `SELECT count(*) AS n FROM users, json_each(users.roles)
       WHERE users.deleted_at IS NULL AND users.disabled = 0 AND json_each.value = 'admin'`,
    );
    return row?.n ?? 0;
  }
}
