import { existsSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inspectBackup } from '../../../main/core/backup/inspect';
import { replaceData } from '../../../main/core/backup/replace';
import { ADMIN, testApp } from '../../helpers/app';
import { backUp, backupWorld, liveFiles, snapshotFiles } from './world';

// Replacing the data is all or nothing, also across a crash: the journal beside the data says how
// far a restore got, and the next start puts the old files back (or finishes the clean-up).

async function stagedRestore() {
  const w = await backupWorld();
  const file = await backUp(w.app);
  // Something to lose: a case registered after the backup.
  await w.newCase({ repeatReason: '另一纠纷' });
  await w.as('admin');
  await w.app.backup.whenIdle();
  await w.app.ok('auth:signOut', {});
  await w.app.backup.whenIdle();
  const { staged } = await inspectBackup({
    path: file,
    unlock: { kind: 'password', username: ADMIN.username, password: ADMIN.password },
    dataDir: w.app.dataDir,
    currentOffice: w.app.session.keyFile!.office,
    currentInstallationId: w.app.session.keyFile!.installationId,
    onProgress: () => undefined,
  });
  return { w, staged };
}

async function casesAfterSignIn(dataDir: string, closeFirst?: { close(): Promise<void> }) {
  await closeFirst?.close();
  const app = testApp(dataDir);
  await app.ok('auth:signIn', { username: 'clerk', password: 'Passw0rd1' });
  return (await app.ok('cases:list', {})).total;
}

describe('replacing the data', () => {
  it('puts everything back when the restored database cannot be opened', async () => {
    const { w, staged } = await stagedRestore();
    const before = snapshotFiles(w.app.dataDir, liveFiles);
    staged.key.fill(7); // not the key of the staged database
    await expect(
      replaceData({
        dataDir: w.app.dataDir,
        staged,
        clock: w.app.clock,
        audit: { action: 'backup:restored', outcome: 'ok', actor: null },
      }),
    ).rejects.toThrow();
    expect(snapshotFiles(w.app.dataDir, liveFiles)).toEqual(before);
    expect(readdirSync(w.app.dataDir).filter((n) => /journal|before-restore/.test(n))).toEqual([]);
    expect(await casesAfterSignIn(w.app.dataDir, w.app)).toBe(2);
  });

  it('undoes a restore cut off while swapping, at the next start', async () => {
    const { w, staged } = await stagedRestore();
    const dir = w.app.dataDir;
    await w.app.close();
    const before = snapshotFiles(dir, liveFiles);
    // The state a kill leaves halfway: old files aside, the backup's database in place.
    writeFileSync(
      join(dir, 'restore-journal.json'),
      JSON.stringify({ state: 'swapping', had: { database: true, keys: true } }),
    );
    renameSync(join(dir, 'desk.db'), join(dir, 'desk.db.before-restore'));
    renameSync(join(dir, 'keys.json'), join(dir, 'keys.json.before-restore'));
    renameSync(staged.database, join(dir, 'desk.db'));
    expect(await casesAfterSignIn(dir)).toBe(2);
    expect(snapshotFiles(dir, liveFiles)).toMatchObject({ 'keys.json': before['keys.json'] });
    expect(existsSync(join(dir, 'restore-journal.json'))).toBe(false);
    expect(readdirSync(dir).filter((n) => n.includes('before-restore'))).toEqual([]);
  });

  it('finishes the clean-up of a restore cut off after it committed', async () => {
    const { w, staged } = await stagedRestore();
    const dir = w.app.dataDir;
    await w.app.close();
    writeFileSync(
      join(dir, 'restore-journal.json'),
      JSON.stringify({ state: 'committed', had: { database: true, keys: true } }),
    );
    renameSync(join(dir, 'desk.db'), join(dir, 'desk.db.before-restore'));
    renameSync(staged.database, join(dir, 'desk.db'));
    expect(await casesAfterSignIn(dir)).toBe(1);
    expect(readdirSync(dir).filter((n) => /journal|before-restore/.test(n))).toEqual([]);
  });
});
