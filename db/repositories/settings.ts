import type { DbHandle } from '../dataSource';
import { SettingEntity } from '../entities';

export class SettingsRepository {
  constructor(private readonly db: DbHandle) {}

  async get<T>(key: string): Promise<T | undefined> {
    const row = await this.db.em.getRepository(SettingEntity).findOneBy({ key });
    return row ? (JSON.parse(row.value) as T) : undefined;
  }

  async set(key: string, value: unknown): Promise<void> {
    await this.db.em.getRepository(SettingEntity).save({ key, value: JSON.stringify(value) });
  }
}
