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
  RestorePreviewDto,
  RestoreResultDto,
} from '../../contract';
import type { Actor } from '../actor';
import { appendAudit, type AuditEvent } from '../audit/log';
import { KeyFile } from '../auth/keyFile';
import { setAsideOrphanDatabase } from '../auth/service';
import { AccountLockedError, ConflictError, DomainError } from '../errors';
import type { Session } from '../session/session';
import { createBackup, type BackupOutcome } from './create';
import type { BackupDialogs } from './dialogs';
import { acceptableFolder, folderCondition, freeSpace, listBackups, type FreeSpaceProbe } from './folder';
import { backupNotices } from './health';
import { BackupUnlockFailed, inspectBackup, STAGED_FOR_MS, type StagedRestore, type Unlock } from './inspect';
import { replaceData } from './replace';
import { CHECK_EVERY_MS, dailyBackupDue } from './schedule';
import { backupPaths, readBackupState, settingsOf, updateBackupState } from './state';

// The installation's backups: the one running job and its progress events, the daily schedule,
// backup health, and restore (check, then replace). Plain Node; the dispatcher reaches it through
// the app context, the screens through the backup:* channels.

export interface BackupManagerOptions {
  dialogs?: BackupDialogs;
  freeSpace?: FreeSpaceProbe;
}

type JobKind = BackupJobDto['kind'];

interface Job extends BackupJobDto {
  done: Promise<BackupOutcome | null>;
}

const triggerLabels: Record<BackupTrigger, string> = {
  manual: '立即备份',
  daily: '每日自动备份',
  signOut: '退出登录时自动备份',
  beforeRestore: '恢复前自动备份',
};

const RESTORE_LOCKOUT_KEY = 'backup-restore';

/** A failure the 管理员 can act on, in Chinese; the technical detail goes to the console. */
function explain(error: unknown): string {
  if (error instanceof DomainError) return error.message;
  const code = (error as { code?: string }).code ?? '';
  console.error('[backup]', error);
  if (code === 'ENOSPC' || code === 'SQLITE_FULL') return '磁盘空间已满，备份未完成';
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return '没有写入备份位置的权限，备份未完成';
  if (code === 'ENOENT' || code === 'ENODEV')
    return '备份位置在备份过程中变得不可用（U盘被拔出？），备份未完成';
  if (code === 'EIO') return '读写出错，U盘或磁盘可能有问题，备份未完成';
  return `备份时发生错误（${code || (error as Error).message || '未知'}），备份未完成`;
}

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export class BackupManager {
  private job: Job | null = null;
  private staged: StagedRestore | null = null;
  private timer: NodeJS.Timeout | null = null;
  private readonly probe: FreeSpaceProbe;

  constructor(
    private readonly session: Session,
    private readonly options: BackupManagerOptions = {},
  ) {
    this.probe = options.freeSpace ?? freeSpace;
    // What a backup or check cut off by a crash left behind (encrypted, but no use to anyone).
    const { work, staging } = backupPaths(this.dataDir);
    rmSync(work, { recursive: true, force: true });
    rmSync(staging, { recursive: true, force: true });
    session.onEvent((event) => {
      if (event === 'session:locked') this.discardStaged();
    });
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

  private progress(jobId: string, kind: JobKind) {
    let last = { percent: -1, message: '', at: 0 };
    return (percent: number, message: string) => {
      const now = Date.now();
      if (this.job?.id === jobId) Object.assign(this.job, { percent, message });
      // One event per visible change, at most ~6 a second: enough for a smooth bar.
      if (message === last.message && (percent === last.percent || now - last.at < 150)) return;
      last = { percent, message, at: now };
      this.session.emit('backup:progress', { jobId, kind, percent, message });
    };
  }

  /** The audit entry of a finished backup: now if someone is signed in, else at the next sign-in. */
  private async audit(event: AuditEvent): Promise<void> {
    await this.session.mutex.run(async () => {
      if (this.session.state === 'unlocked') {
        await this.session.transaction((repos) => appendAudit(repos, this.session.clock, event));
      } else {
        this.session.bufferAudit(event);
      }
    });
  }

  private sourceNow() {
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
    const onProgress = this.progress(id, 'backup');
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
        updateBackupState(this.dataDir, {
          last: { at: outcome.at, file: outcome.file, bytes: outcome.bytes, sha256: outcome.sha256 },
          lastError: null,
        });
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
    if (this.session.state !== 'unlocked' || !this.dailyDue()) return;
    this.start('daily', null);
    await this.whenIdle();
  }

  /** At sign-out (before the lock): a backup if none was made today. */
  atSignOut(actor: Actor): void {
    if (this.dailyDue()) this.start('signOut', actor);
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

  // --- restore -------------------------------------------------------------------------------

  private discardStaged(): void {
    if (!this.staged) return;
    this.staged.key.fill(0);
    this.staged = null;
    rmSync(backupPaths(this.dataDir).staging, { recursive: true, force: true });
  }

  private takeStaged(token: string): StagedRestore {
    const staged = this.staged;
    if (!staged || staged.token !== token) {
      throw new ConflictError('请重新选择并解锁备份文件（检查结果已失效）');
    }
    if (this.session.clock.now().getTime() > staged.expiresAt) {
      this.discardStaged();
      throw new ConflictError('检查备份已超过15分钟，请重新选择并解锁备份文件');
    }
    this.staged = null;
    return staged;
  }

  /** Checks and unlocks a backup for restore (see inspect.ts); keeps it staged for restore(). */
  async inspect(input: { path: string; unlock: Unlock }): Promise<RestorePreviewDto> {
    const wait = this.session.lockout.secondsLocked(RESTORE_LOCKOUT_KEY);
    if (wait > 0) throw new AccountLockedError(wait);
    this.discardStaged();
    const jobId = randomUUID();
    const keyFile = this.session.keyFile;
    try {
      const { staged, preview } = await inspectBackup({
        ...input,
        dataDir: this.dataDir,
        currentOffice: keyFile?.office ?? null,
        currentInstallationId: keyFile?.installationId ?? null,
        onProgress: this.progress(jobId, 'inspect'),
      });
      staged.expiresAt = this.session.clock.now().getTime() + STAGED_FOR_MS;
      this.staged = staged;
      this.session.lockout.succeed(RESTORE_LOCKOUT_KEY);
      return preview;
    } catch (error) {
      if (error instanceof BackupUnlockFailed) {
        const lockedFor = this.session.lockout.fail(RESTORE_LOCKOUT_KEY);
        if (lockedFor > 0) throw new AccountLockedError(lockedFor);
      }
      throw error;
    }
  }

  private result(staged: StagedRestore, safetyBackup: string | null): RestoreResultDto {
    return { fileName: staged.fileName, backupCreatedAt: staged.manifest.createdAt, safetyBackup };
  }

  /**
   * Restore on a set-up installation, inside the 管理员's call (the mutex is held): a backup of
   * the current data first (to the backup folder, or the data directory when that is unusable),
   * then, once the call has committed, lock and replace (dispatcher: session.afterCall).
   */
  async restore(token: string, actor: Actor): Promise<RestoreResultDto> {
    if (this.job) throw new ConflictError('正在备份，请等这次备份完成后再恢复');
    const staged = this.takeStaged(token);
    let safety: BackupOutcome;
    try {
      safety = await this.safetyBackup();
    } catch (error) {
      staged.key.fill(0);
      rmSync(backupPaths(this.dataDir).staging, { recursive: true, force: true });
      throw new ConflictError(
        `恢复前自动备份当前数据失败：${explain(error)}。为防止数据丢失，已取消恢复，当前数据没有任何改动`,
      );
    }
    this.session.afterCall = async () => {
      await this.session.lock('signedOut');
      await this.replace(staged, {
        action: 'backup:restored',
        outcome: 'ok',
        actor,
        target: staged.fileName,
        detail: `从备份恢复：${staged.fileName}（备份于 ${staged.manifest.createdAt}）；恢复前的数据已自动备份为 ${safety.file}`,
      });
    };
    return this.result(staged, safety.file);
  }

  private async safetyBackup(): Promise<BackupOutcome> {
    const state = readBackupState(this.dataDir);
    const usable = folderCondition(state.folder, this.neededBytes(), this.probe).state === 'ok';
    // Not into the data directory as a rule (a dead disk takes both), but when the backup folder
    // is unusable, a copy beside the data still guards against restoring the wrong backup.
    const folder = usable && state.folder ? state.folder : join(this.dataDir, 'pre-restore-backups');
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    const jobId = randomUUID();
    const outcome = await createBackup(this.sourceNow(), {
      folder,
      trigger: 'beforeRestore',
      clock: this.session.clock,
      // The restore call holds the mutex already: nothing else is writing.
      hold: (task) => task(),
      policy: state,
      freeSpace: this.probe,
      onProgress: this.progress(jobId, 'restore'),
    });
    if (usable) {
      updateBackupState(this.dataDir, {
        last: { at: outcome.at, file: outcome.file, bytes: outcome.bytes, sha256: outcome.sha256 },
        lastError: null,
      });
    }
    return outcome;
  }

  private async replace(staged: StagedRestore, audit: AuditEvent): Promise<void> {
    try {
      await replaceData({ dataDir: this.dataDir, staged, clock: this.session.clock, audit });
      this.session.keyFile = KeyFile.load(this.dataDir);
    } finally {
      staged.key.fill(0);
      rmSync(backupPaths(this.dataDir).staging, { recursive: true, force: true });
    }
  }

  /** Restore from the first-run wizard: nothing to back up first; the app is then set up. */
  async restoreFresh(token: string): Promise<RestoreResultDto> {
    if (this.session.state !== 'uninitialized')
      throw new ConflictError('本机已完成初始化，请登录后在“数据备份”中恢复');
    const staged = this.takeStaged(token);
    setAsideOrphanDatabase(this.session);
    await this.replace(staged, {
      action: 'backup:restored',
      outcome: 'ok',
      actor: null,
      target: staged.fileName,
      detail: `首次使用时从备份恢复：${staged.fileName}（备份于 ${staged.manifest.createdAt}，以${staged.unlockedWith === 'password' ? '账户密码' : '恢复码'}解锁）`,
    });
    return this.result(staged, null);
  }

  /** App exit: let a running backup finish (it is verified or deleted, never left half), then stop. */
  async close(): Promise<void> {
    this.stopSchedule();
    await this.whenIdle();
    this.discardStaged();
  }
}
