import { randomUUID } from 'node:crypto';
import { mkdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type {
  BackupHealthDto,
  BackupJobDto,
  BackupSettingsDto,
  BackupStatusDto,
  BackupTodoDto,
  BackupTrigger,
} from '../../contract';
import type { Actor } from '../actor';
import type { AuditEvent } from '../audit/log';
import { ConflictError } from '../errors';
import type { Session } from '../session/session';
import { createBackup, type BackupOutcome } from './create';
import type { BackupDialogs } from './dialogs';
import { acceptableFolder, folderCondition, freeSpace, listBackups, type FreeSpaceProbe } from './folder';
import { backupNotices } from './health';
import { explain, progressReporter } from './progress';
import { Restorer } from './restorer';
import { CHECK_EVERY_MS, dailyBackupDue } from './schedule';
import { backupPaths, readBackupState, settingsOf, updateBackupState } from './state';

// The installation's backups: the one running job and its progress events, the daily schedule,
// backup health, and restore (check, then replace). Plain Node; the dispatcher reaches it through
// the app context, the screens through the backup:* channels.

export interface BackupManagerOptions {
  dialogs?: BackupDialogs;
  freeSpace?: FreeSpaceProbe;
}

interface Job extends BackupJobDto {
  done: Promise<BackupOutcome | null>;
}

const triggerLabels: Record<BackupTrigger, string> = {
  manual: '立即备份',
  daily: '每日自动备份',
  signOut: '退出登录时自动备份',
  beforeRestore: '恢复前自动备份',
};

const recordOf = (outcome: BackupOutcome) => ({
  at: outcome.at,
  file: outcome.file,
  bytes: outcome.bytes,
  sha256: outcome.sha256,
});

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export class BackupManager {
  private job: Job | null = null;
  private timer: NodeJS.Timeout | null = null;
  private readonly probe: FreeSpaceProbe;
  /** Checking and restoring backups (restorer.ts). */
  readonly restores: Restorer;

  constructor(
    private readonly session: Session,
    private readonly options: BackupManagerOptions = {},
  ) {
    this.probe = options.freeSpace ?? freeSpace;
    // What a backup or check cut off by a crash left behind (encrypted, but no use to anyone).
    const { work, staging } = backupPaths(this.dataDir);
    rmSync(work, { recursive: true, force: true });
    rmSync(staging, { recursive: true, force: true });
    this.restores = new Restorer(session, this);
  }

  private get dataDir(): string {
    return this.session.paths.dataDir;
  }

  private neededBytes(): number {
    let total = 0;
    for (const suffix of ['', '-wal']) {
      try {
        total += statSync(this.session.paths.database + suffix).size;
      } catch {
        // none
      }
    }
    return total;
  }

  capabilities() {
    return { canBrowse: Boolean(this.options.dialogs) };
  }

  settings(): BackupSettingsDto {
    return settingsOf(readBackupState(this.dataDir));
  }

  saveSettings(input: BackupSettingsDto & { folder: string }): {
    settings: BackupSettingsDto;
    changes: string;
  } {
    const before = this.settings();
    const folder = acceptableFolder(input.folder, this.dataDir);
    const state = updateBackupState(this.dataDir, { ...input, folder });
    const after = settingsOf(state);
    const labels: Record<keyof BackupSettingsDto, string> = {
      folder: '备份位置',
      autoDaily: '每天自动备份',
      keepDaily: '保留每日备份',
      keepWeekly: '保留每周备份',
      keepMonthly: '保留每月备份',
    };
    const changes = (Object.keys(labels) as (keyof BackupSettingsDto)[])
      .filter((k) => before[k] !== after[k])
      .map((k) => `${labels[k]}：${String(before[k] ?? '未设置')} → ${String(after[k])}`)
      .join('；');
    return { settings: after, changes: changes || '无变化' };
  }

  health(): BackupHealthDto {
    const state = readBackupState(this.dataDir);
    const needed = this.neededBytes();
    const folder = folderCondition(state.folder, needed, this.probe);
    return {
      folderState: folder.state,
      freeBytes: folder.freeBytes,
      neededBytes: needed,
      lastVerifiedAt: state.last?.at ?? null,
      lastFile: state.last?.file ?? null,
      lastBytes: state.last?.bytes ?? null,
      lastError: state.lastError,
      notices: backupNotices({ state, folder, neededBytes: needed, now: this.session.clock.now() }),
    };
  }

  todo(): BackupTodoDto {
    const health = this.health();
    return { lastVerifiedAt: health.lastVerifiedAt, notices: health.notices };
  }

  status(): BackupStatusDto {
    const settings = this.settings();
    return {
      settings,
      health: this.health(),
      job: this.jobDto(),
      files: settings.folder
        ? listBackups(settings.folder, this.session.keyFile?.installationId ?? null)
        : [],
    };
  }

  jobDto(): BackupJobDto | null {
    if (!this.job) return null;
    const { done: _done, ...dto } = this.job;
    return dto;
  }

  list(folder: string) {
    return listBackups(folder, this.session.keyFile?.installationId ?? null);
  }

  async choose(what: 'folder' | 'file', startIn: string | null): Promise<{ path: string | null }> {
    const dialogs = this.options.dialogs;
    if (!dialogs) throw new ConflictError('浏览器模式下不能弹出选择窗口，请直接输入完整路径');
    const path =
      what === 'folder' ? await dialogs.chooseFolder(startIn) : await dialogs.chooseBackupFile(startIn);
    return { path };
  }

  /** The audit entry of a finished backup: now if someone is signed in, else at the next sign-in. */
  private async audit(event: AuditEvent): Promise<void> {
    await this.session.mutex.run(async () => {
      if (this.session.state === 'unlocked') {
        await this.session.transaction((repos) => this.session.audit(repos, event));
      } else {
        this.session.bufferAudit(event);
      }
    });
  }

  /** What a backup of the data as it is now needs, the key copied. */
  sourceNow() {
    const unlocked = this.session.requireUnlocked();
    return {
      dataDir: this.dataDir,
      database: this.session.paths.database,
      keyFile: this.session.paths.keyFile,
      key: Buffer.from(unlocked.dek),
      installationId: unlocked.keyFile.installationId,
      office: unlocked.keyFile.office,
    };
  }

  /**
   * Starts a backup in the background and returns its job id; progress and the outcome arrive as
   * backup:progress / backup:finished events. The key is copied now, so a sign-out while it runs
   * does not stop it.
   */
  start(trigger: BackupTrigger, actor: Actor | null): string {
    if (this.job) throw new ConflictError('正在备份，请等这次备份完成');
    const source = this.sourceNow();
    const state = readBackupState(this.dataDir);
    const id = randomUUID();
    const job: Job = {
      id,
      kind: 'backup',
      trigger,
      percent: 0,
      message: '准备备份…',
      startedAt: this.session.clock.now().toISOString(),
      done: Promise.resolve(null),
    };
    this.job = job;
    const onProgress = progressReporter(this.session, id, 'backup', (percent, message) =>
      Object.assign(job, { percent, message }),
    );
    job.done = createBackup(source, {
      folder: state.folder,
      trigger,
      clock: this.session.clock,
      hold: (task) => this.session.mutex.run(task),
      policy: state,
      freeSpace: this.probe,
      onProgress,
    })
      .then(async (outcome) => {
        updateBackupState(this.dataDir, { last: recordOf(outcome), lastError: null });
        const rotated = outcome.rotatedOut.length
          ? `；按保留规则删除旧备份${outcome.rotatedOut.length}份`
          : '';
        await this.audit({
          action: 'backup:create',
          outcome: 'ok',
          actor,
          target: outcome.file,
          detail: `${triggerLabels[trigger]}：${outcome.file}（${mb(outcome.bytes)}），校验通过${rotated}`,
        });
        this.session.emit('backup:finished', {
          jobId: id,
          kind: 'backup',
          ok: true,
          message: `备份完成：${outcome.file}（${mb(outcome.bytes)}），已校验`,
          file: outcome.file,
        });
        return outcome;
      })
      .catch(async (error: unknown) => {
        const message = explain(error);
        updateBackupState(this.dataDir, {
          lastError: { at: this.session.clock.now().toISOString(), message },
        });
        await this.audit({
          action: 'backup:create',
          outcome: 'error',
          actor,
          detail: `${triggerLabels[trigger]}：${message}`,
        });
        this.session.emit('backup:finished', { jobId: id, kind: 'backup', ok: false, message, file: null });
        return null;
      })
      .finally(() => {
        if (this.job?.id === id) this.job = null;
      });
    return id;
  }

  /** Waits for the running backup, if any (app exit, tests). */
  async whenIdle(): Promise<BackupOutcome | null> {
    return this.job ? this.job.done : null;
  }

  private dailyDue(): boolean {
    const state = readBackupState(this.dataDir);
    const usable = folderCondition(state.folder, this.neededBytes(), this.probe).state === 'ok';
    return !this.job && dailyBackupDue(state, this.session.clock.now(), usable);
  }

  /** The schedule's check: a backup when none was made today. Resolves when that backup ends. */
  async tick(): Promise<void> {
    if (this.session.state !== 'unlocked' || this.session.centre || !this.dailyDue()) return;
    this.start('daily', null);
    await this.whenIdle();
  }

  /** At sign-out (before the lock): a backup if none was made today. */
  atSignOut(actor: Actor): void {
    // A desk of the county centre has no file of its own: the server is backed up on the server.
    if (!this.session.centre && this.dailyDue()) this.start('signOut', actor);
  }

  startSchedule(intervalMs = CHECK_EVERY_MS): void {
    this.stopSchedule();
    this.timer = setInterval(
      () => void this.tick().catch((e: unknown) => console.error('[backup]', e)),
      intervalMs,
    );
    this.timer.unref();
  }

  stopSchedule(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** True while a backup runs (a restore waits for it). */
  get busy(): boolean {
    return this.job !== null;
  }

  /**
   * The backup a restore makes of the data it replaces, inside the restore's call (which holds
   * the mutex already: nothing else is writing). Into the backup folder, or, when that is
   * unusable, beside the data: not the rule (a dead disk takes both), but it still guards
   * against restoring the wrong backup.
   */
  async backupBeforeRestore(jobId: string): Promise<BackupOutcome> {
    const state = readBackupState(this.dataDir);
    const usable = folderCondition(state.folder, this.neededBytes(), this.probe).state === 'ok';
    const folder = usable && state.folder ? state.folder : join(this.dataDir, 'pre-restore-backups');
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    const outcome = await createBackup(this.sourceNow(), {
      folder,
      trigger: 'beforeRestore',
      clock: this.session.clock,
      hold: (task) => task(),
      policy: state,
      freeSpace: this.probe,
      onProgress: progressReporter(this.session, jobId, 'restore'),
    });
    if (usable) updateBackupState(this.dataDir, { last: recordOf(outcome), lastError: null });
    return outcome;
  }

  /** App exit: let a running backup finish (it is verified or deleted, never left half), then stop. */
  async close(): Promise<void> {
    this.stopSchedule();
    await this.whenIdle();
    this.restores.discardStaged();
  }
}
