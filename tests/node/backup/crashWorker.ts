// Child process for backup/crash.test.ts: signs in to an existing data directory and backs up,
// over and over, while registering a case during each backup, until it is killed. A line goes to
// stdout only once the backup was verified and renamed to its final name ("acknowledged"):
//
//   node --import tsx crashWorker.ts <dataDir> <username> <password> <kdfCost JSON>
//
// stdout (pipes are synchronous on Linux, so a line written is a line the parent can read):
//   ready
//   phase <progress message>        as each phase of a backup begins
//   backup <file name>              a verified backup
import type { KdfCost } from '../../../main/core/auth/kdf';
import type { EventPayload } from '../../../main/contract';
import { createApp } from '../../../main/ipc';
import { aCase, aPerson, anOrganisation } from '../../fixtures/builders';

const [dataDir, username, password, kdfJson] = process.argv.slice(2);
if (!dataDir || !username || !password || !kdfJson) {
  process.stderr.write('usage: crashWorker.ts <dataDir> <username> <password> <kdfCost JSON>\n');
  process.exit(64);
}

async function main(): Promise<void> {
  const app = createApp({ dataDir: dataDir!, kdfCost: JSON.parse(kdfJson!) as KdfCost });
  let phase = '';
  app.session.onEvent((event, payload) => {
    if (event !== 'backup:progress') return;
    const { message } = payload as EventPayload<'backup:progress'>;
    if (message !== phase) process.stdout.write(`phase ${(phase = message)}\n`);
  });
  const signedIn = await app.dispatch('auth:signIn', { username, password });
  if (!signedIn.ok) throw new Error(`sign-in: ${signedIn.error.message}`);
  process.stdout.write('ready\n');
  for (let n = 0; ; n++) {
    const run = await app.dispatch('backup:run', {});
    if (!run.ok) throw new Error(`backup:run: ${run.error.message}`);
    // The desk keeps working while the backup runs.
    const created = await app.dispatch(
      'cases:create',
      aCase({ parties: [aPerson({ name: `备份时登记${n}` }), anOrganisation()], repeatReason: '另一纠纷' }),
    );
    if (!created.ok) throw new Error(`cases:create: ${created.error.message}`);
    const outcome = await app.backup.whenIdle();
    if (!outcome) throw new Error(`backup failed: ${app.backup.health().lastError?.message}`);
    process.stdout.write(`backup ${outcome.file}\n`);
    phase = '';
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
