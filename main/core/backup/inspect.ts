import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { migrations } from '../../../db';
import type { Office, RestorePreviewDto } from '../../contract';
import { KeyFile } from '../auth/keyFile';
import { normalizeRecoveryCode } from '../auth/recoveryCode';
import { ConflictError, ValidationError } from '../errors';
import { usernameKey } from '../users/names';
import { BackupArchive, digestOf } from './archive';
import {
  DATABASE_ENTRY,
  KEYS_ENTRY,
  MANIFEST_ENTRY,
  manifestSignatureValid,
  parseManifest,
  SIGNATURE_ENTRY,
  type BackupManifest,
} from './manifest';
import { backupPaths } from './state';
import { startWorker, WorkerFailure } from './worker';

// Checking a backup before anything is replaced: is it whole, is it ours, does the password or
// recovery code open it, is it this office's, and is the database in it sound. It is unpacked
// (still encrypted) into the data directory's staging folder and checked there; the live files
// are never touched, and on any refusal the staged copy is deleted again.

export type Unlock =
  { kind: 'password'; username: string; password: string } | { kind: 'recovery'; recoveryCode: string };

/** A checked, unlocked backup waiting for the 管理员's confirmation. */
export interface StagedRestore {
  token: string;
  database: string;
  keysText: string;
  key: Buffer;
  manifest: BackupManifest;
  fileName: string;
  unlockedWith: Unlock['kind'];
  expiresAt: number;
}

export const STAGED_FOR_MS = 15 * 60_000;

const damaged = (detail: string) =>
  new ConflictError(`备份文件已损坏（${detail}），不能用于恢复。请换一份备份，当前数据没有任何改动`);

/** Thrown when the password or recovery code does not open the backup (the caller counts these). */
export class BackupUnlockFailed extends ValidationError {}

function wrongSecret(unlock: Unlock): BackupUnlockFailed {
  return unlock.kind === 'password'
    ? new BackupUnlockFailed('用户名或密码不正确：请使用做这份备份时该账户的密码', [
        { path: ['unlock', 'password'], field: '密码', message: '用户名或密码不正确' },
      ])
    : new BackupUnlockFailed('恢复码不正确，请核对后重新输入', [
        { path: ['unlock', 'recoveryCode'], field: '恢复码', message: '恢复码不正确' },
      ]);
}

function requireFile(path: string): void {
  const field = (message: string) => ValidationError.field(['path'], '备份文件', message);
  let isFile = false;
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) throw field('这是一个文件夹，请选择其中的备份文件（desk-backup-….zip）');
    isFile = stat.isFile();
  } catch (error) {
    if (error instanceof ValidationError) throw error;
  }
  if (!isFile) throw field(`找不到文件“${path}”，请检查路径或U盘是否已插入`);
}

async function openArchive(path: string): Promise<BackupArchive> {
  try {
    return await BackupArchive.open(path);
  } catch {
    throw damaged('文件不完整或不是有效的备份文件');
  }
}

function checkSchema(manifest: BackupManifest): void {
  const known = migrations.map((m) => new m().name);
  if (
    manifest.schema.migrations > known.length ||
    (manifest.schema.latest && !known.includes(manifest.schema.latest))
  ) {
    throw new ConflictError(
      '这份备份来自更新版本的工作台，本机的工作台无法读取。请先把本机的工作台升级到最新版本再恢复',
    );
  }
}

async function unwrap(keyFile: KeyFile, unlock: Unlock): Promise<Buffer | null> {
  return unlock.kind === 'password'
    ? keyFile.unwrapForUser(usernameKey(unlock.username), unlock.password)
    : keyFile.unwrapWithRecoveryCode(normalizeRecoveryCode(unlock.recoveryCode));
}

export interface InspectOptions {
  path: string;
  unlock: Unlock;
  dataDir: string;
  /** The office of this installation, or null on a fresh one (any office may be restored). */
  currentOffice: Office | null;
  currentInstallationId: string | null;
  onProgress: (percent: number, message: string) => void;
}

export async function inspectBackup(
  options: InspectOptions,
): Promise<{ staged: StagedRestore; preview: RestorePreviewDto }> {
  requireFile(options.path);
  options.onProgress(2, '正在读取备份文件…');
  const archive = await openArchive(options.path);
  const { staging } = backupPaths(options.dataDir);
  const token = randomBytes(18).toString('base64url');
  const database = join(staging, `${token}.db`);
  let key: Buffer | null = null;
  let keep = false;
  try {
    for (const entry of [MANIFEST_ENTRY, SIGNATURE_ENTRY, KEYS_ENTRY, DATABASE_ENTRY]) {
      if (!archive.has(entry)) throw damaged(`缺少 ${entry}，这可能不是工作台的备份文件`);
    }
    const manifestBytes = await archive.read(MANIFEST_ENTRY).catch(() => {
      throw damaged('清单无法读取');
    });
    const manifest = parseManifest(manifestBytes);
    if (!manifest) throw damaged('清单内容无效');
    checkSchema(manifest);
    if (options.currentOffice && manifest.office.id !== options.currentOffice.id) {
      throw new ConflictError(
        `这份备份属于“${manifest.office.name}”，与本机单位“${options.currentOffice.name}”不同，不能恢复到本机。当前数据没有任何改动`,
      );
    }
    const keysBytes = await archive.read(KEYS_ENTRY).catch(() => {
      throw damaged('密钥部分无法读取');
    });
    const keysDigest = digestOf(keysBytes);
    if (keysDigest.sha256 !== manifest.files[KEYS_ENTRY].sha256) throw damaged('密钥部分的校验值不符');
    if (archive.size(DATABASE_ENTRY) !== manifest.files[DATABASE_ENTRY].bytes)
      throw damaged('数据库部分的长度不符');
    const keysText = keysBytes.toString('utf8');
    let keyFile: KeyFile;
    try {
      keyFile = KeyFile.parse(keysText, options.dataDir);
    } catch {
      throw damaged('密钥部分内容无效');
    }

    options.onProgress(5, '正在解锁备份…');
    key = await unwrap(keyFile, options.unlock);
    if (!key) throw wrongSecret(options.unlock);
    const signature = (await archive.read(SIGNATURE_ENTRY)).toString('utf8');
    if (!manifestSignatureValid(manifestBytes, signature, key)) {
      throw damaged('清单与签名不符，文件可能被改动过');
    }

    rmSync(staging, { recursive: true, force: true });
    mkdirSync(staging, { recursive: true, mode: 0o700 });
    const total = Math.max(1, manifest.files[DATABASE_ENTRY].bytes);
    const copied = await archive
      .copy(DATABASE_ENTRY, database, (bytes) =>
        options.onProgress(10 + Math.round((bytes / total) * 50), '正在解开并核对备份中的数据库…'),
      )
      .catch(() => {
        throw damaged('数据库部分无法完整读出');
      });
    if (copied.sha256 !== manifest.files[DATABASE_ENTRY].sha256) throw damaged('数据库部分的校验值不符');

    options.onProgress(62, '正在检查备份中的数据库（完整性检查、核对记录数）…');
    const checked = await startWorker({ kind: 'check', file: database }, key).result.catch(
      (error: unknown) => {
        throw damaged(
          error instanceof WorkerFailure && error.notADatabase ? '数据库无法用该密钥打开' : '数据库无法打开',
        );
      },
    );
    if (checked.integrity.length !== 1 || checked.integrity[0] !== 'ok')
      throw damaged('数据库未通过完整性检查');
    for (const [table, n] of Object.entries(manifest.counts)) {
      if (checked.counts[table] !== n) throw damaged(`表 ${table} 的记录数与清单不符`);
    }
    options.onProgress(100, '备份检查通过');
    const count = (table: string) => manifest.counts[table] ?? 0;
    const preview: RestorePreviewDto = {
      token,
      fileName: basename(options.path),
      bytes: statSync(options.path).size,
      createdAt: manifest.createdAt,
      office: { name: manifest.office.name, kind: manifest.office.kind },
      sameInstallation: manifest.installationId === options.currentInstallationId,
      schemaVersion: manifest.schema.migrations,
      counts: {
        cases: count('cases'),
        parties: count('parties'),
        users: count('users'),
        documents: count('document_versions') + count('document_scans') + count('attachments'),
        auditEntries: count('audit_log'),
      },
      unlockedWith: options.unlock.kind,
    };
    keep = true;
    return {
      staged: {
        token,
        database,
        keysText,
        key,
        manifest,
        fileName: preview.fileName,
        unlockedWith: options.unlock.kind,
        expiresAt: 0,
      },
      preview,
    };
  } finally {
    archive.close();
    if (!keep) {
      key?.fill(0);
      rmSync(staging, { recursive: true, force: true });
    }
  }
}
