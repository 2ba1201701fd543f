import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import type { RestorePreviewDto, RestoreResultDto } from '../../contract';
import type { Actor } from '../actor';
import type { AuditEvent } from '../audit/log';
import { KeyFile } from '../auth/keyFile';
import { setAsideOrphanDatabase } from '../auth/service';
import { AccountLockedError, ConflictError } from '../errors';
import type { Session } from '../session/session';
import type { BackupOutcome } from './create';
import { BackupUnlockFailed, inspectBackup, STAGED_FOR_MS, type StagedRestore, type Unlock } from './inspect';
import type { BackupManager } from './manager';
import { explain, progressReporter } from './progress';
import { replaceData } from './replace';
import { backupPaths } from './state';

// Restoring a backup: check and unlock it (inspect.ts) and keep it staged for up to 15 minutes,
// then, once the 管理员 confirms, back up the current data and replace it (replace.ts). On a
// fresh installation the first-run wizard does the same without the backup first.

const RESTORE_LOCKOUT_KEY = 'backup-restore';

export class Restorer {
  private staged: StagedRestore | null = null;

  constructor(
    private readonly session: Session,
    private readonly backups: BackupManager,
  ) {
    session.onEvent((event) => {
      if (event === 'session:locked') this.discardStaged();
    });
  }

  private get dataDir(): string {
    return this.session.paths.dataDir;
  }

  discardStaged(): void {
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
        onProgress: progressReporter(this.session, jobId, 'inspect'),
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
    if (this.backups.busy) throw new ConflictError('正在备份，请等这次备份完成后再恢复');
    const staged = this.takeStaged(token);
    let safety: BackupOutcome;
    try {
      safety = await this.backups.backupBeforeRestore(randomUUID());
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
}
