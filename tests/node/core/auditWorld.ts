import { expect } from 'vitest';
import { repositories, type AuditRow, type Store } from '../../../db';
import { openDeskStore } from '../../../main/core/session/deskStore';
import { ADMIN, addUser, setUpApp, switchUser, type TestApp } from '../../helpers/app';

// The insider's tools for the audit chain's tests (auditIntegrity, auditOlderCopy): an office
// with history, the database key as any signed-in user could obtain it, and raw SQL with it.

/** An installation with history by two users: the admin's settings change, the clerk's sign-ins. */
export async function officeWithHistory() {
  const app = await setUpApp();
  const clerk = await addUser(app, 'clerk', ['intake']);
  await app.ok('settings:update', { idleLockMinutes: 15 });
  await switchUser(app, 'clerk', clerk.password);
  await switchUser(app, ADMIN.username, ADMIN.password);
  expect(await app.ok('audit:verify', {})).toMatchObject({ intact: true });
  return { app, clerk };
}

/** The database key, as any signed-in user could obtain it. */
export function stealKey(app: TestApp): Buffer {
  return Buffer.from(app.session.requireUnlocked().dek);
}

export type RawSql = Store['sql'];

/**
 * Raw SQL on the database while no one is signed in, with the stolen key: the desk's closed file,
 * or the county centre's database the desk works on.
 */
export async function withRawDatabase(app: TestApp, key: Buffer, fn: (sql: RawSql) => void) {
  const store = await openDeskStore({ dataDir: app.dataDir, centre: app.session.centre }, key, false);
  try {
    fn(store.sql);
  } finally {
    await store.close();
  }
}

export function rows(sql: RawSql): AuditRow[] {
  // The audit repository only needs `sql`: a handle for reading rows outside a session.
  return [...repositories({ sql }).audit.inOrder()];
}

export async function alarms(app: TestApp) {
  return (await app.ok('audit:alarms', {})).items.map((a) => a.detail).join('\n');
}
