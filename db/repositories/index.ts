import type { DbHandle } from '../dataSource';
import { AuditRepository } from './audit';
import { SettingsRepository } from './settings';
import { UserRepository } from './users';

/** All repositories bound to one handle (normally the dispatcher's transaction). */
export function repositories(db: DbHandle) {
  return {
    users: new UserRepository(db),
    settings: new SettingsRepository(db),
    audit: new AuditRepository(db),
  };
}
export type Repositories = ReturnType<typeof repositories>;

export type { AuditRow } from './audit';
export { AuditRepository, SettingsRepository, UserRepository };
