import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupTrigger, Office } from '../../contract';
import type { Clock } from '../clock';
import { ConflictError } from '../errors';
import { fsyncDir } from '../files/durable';
import { BackupArchive, writeArchive, type PartDigest } from './archive';
import {
  folderCondition,
  freeSpace,
  listBackups,
  probeWrite,
  removePartials,
  type FreeSpaceProbe,
} from './folder';
import {
  DATABASE_ENTRY,
  KEYS_ENTRY,
  MANIFEST_ENTRY,
  serializeManifest,
  SIGNATURE_ENTRY,
  signManifest,
  type BackupManifest,
} from './manifest';
import { backupFileName, PARTIAL_SUFFIX } from './names';
import { backupsToKeep, type KeepPolicy } from './rotation';
import { snapshotFailed, takeSnapshot, type Hold } from './snapshot';
import { backupPaths } from './state';

// One backup, start to finish: snapshot and check it (snapshot.ts), pack it with the wrapped keys
// and a signed manifest into `<name>.partial` in the backup folder, flush it, read it back and
// compare, and only then rename it to its final name: a file with a backup's name is always a
// whole, verified backup. Then rotation. Whatever fails, the partial file and the snapshot go,
// and the older backups stay as they were.

export interface BackupSource {
  dataDir: string;
  database: string;
  keyFile: string;
  /** A copy of the database key; wiped when the backup is done. */
  key: Buffer;
  installationId: string;
  office: Office;
}

export interface BackupOptions {
  folder: string | null;
  trigger: BackupTrigger;
  clock: Clock;
  hold: Hold;
  policy: KeepPolicy;
  freeSpace?: FreeSpaceProbe;
  onProgress: (percent: number, message: string) => void;
}

export interface BackupOutcome {
  file: string;
  path: string;
  at: string;
  bytes: number;
  sha256: string;
  counts: Record<string, number>;
  rotatedOut: string[];
}

function databaseBytes(database: string): number {
  let total = 0;
  for (const suffix of ['', '-wal']) {
    try {
      total += statSync(database + suffix).size;
    } catch {
      // no WAL right now
    }
  }
  return total;
}

function requireFolder(folder: string | null, needed: number, probe: FreeSpaceProbe): string {
  const { state, freeBytes } = folderCondition(folder, needed, probe);
  const mb = (n: number) => `${Math.ceil(n / 1024 / 1024)} MB`;
  if (state === 'unset' || !folder)
    throw new ConflictError('尚未设置备份位置，请先在“数据备份”中选择备份文件夹');
  if (state === 'missing')
    throw new ConflictError(`找不到备份位置“${folder}”，请插入U盘或连接网络共享后重试`);
  if (state === 'notWritable' || !probeWrite(folder)) {
    throw new ConflictError(`备份位置“${folder}”无法写入，请检查权限或U盘是否写保护`);
  }
  if (state === 'full') {
    throw new ConflictError(`备份位置空间不足：剩余 ${mb(freeBytes ?? 0)}，一次备份约需 ${mb(needed)}`);
  }
  return folder;
}

function uniqueName(folder: string, installationId: string, at: Date): string {
  for (let n = 0; ; n++) {
    const name = backupFileName(installationId, at, n);
    if (!existsSync(join(folder, name)) && !existsSync(join(folder, name + PARTIAL_SUFFIX))) return name;
  }
}

async function readBack(
  path: string,
  manifest: Buffer,
  signature: string,
  database: PartDigest,
): Promise<void> {
  const archive = await BackupArchive.open(path);
  try {
    const same =
      (await archive.read(MANIFEST_ENTRY)).equals(manifest) &&
      (await archive.read(SIGNATURE_ENTRY)).toString('utf8') === signature;
    const copy = await archive.copy(DATABASE_ENTRY, null, () => undefined);
    if (!same || copy.sha256 !== database.sha256 || copy.bytes !== database.bytes) {
      throw snapshotFailed('写入后读回的内容与快照不一致，备份位置的磁盘可能有问题');
    }
  } finally {
    archive.close();
  }
}

/** Deletes this installation's backups that the policy no longer keeps; returns their names. */
export function rotate(folder: string, installationId: string, policy: KeepPolicy): string[] {
  const own = listBackups(folder, installationId).filter((f) => f.own);
  const keep = backupsToKeep(
    own.map((f) => ({ name: f.name, at: new Date(f.createdAt) })),
    policy,
  );
  const removed: string[] = [];
  for (const file of own) {
    if (keep.has(file.name)) continue;
    rmSync(file.path, { force: true });
    removed.push(file.name);
  }
  return removed;
}

export async function createBackup(source: BackupSource, options: BackupOptions): Promise<BackupOutcome> {
  const probe = options.freeSpace ?? freeSpace;
  const needed = databaseBytes(source.database);
  const folder = requireFolder(options.folder, needed, probe);
  const { work } = backupPaths(source.dataDir);
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true, mode: 0o700 });
  removePartials(folder, source.installationId);
  let workFree = Number.POSITIVE_INFINITY;
  try {
    workFree = probe(work);
  } catch {
    // No figure for the data disk: go ahead, VACUUM INTO fails cleanly if it runs out.
  }
  if (workFree < needed) throw new ConflictError('本机磁盘空间不足，无法生成备份快照，请清理磁盘后重试');

  const at = options.clock.now();
  const snapshotFile = join(work, `snapshot-${randomUUID()}.db`);
  let partial: string | null = null;
  try {
    options.onProgress(1, '正在生成数据库快照…');
    const snapshot = await takeSnapshot({
      database: source.database,
      key: source.key,
      target: snapshotFile,
      hold: options.hold,
      onProgress: (stage, fraction) =>
        stage === 'copy'
          ? options.onProgress(1 + Math.round(fraction * 44), '正在生成数据库快照…')
          : options.onProgress(45, '正在校验快照（完整性检查、核对记录数）…'),
    });

    const name = uniqueName(folder, source.installationId, at);
    partial = join(folder, name + PARTIAL_SUFFIX);
    const keys = readFileSync(source.keyFile);
    const snapshotBytes = Math.max(1, statSync(snapshotFile).size);
    let manifestBytes: Buffer = Buffer.alloc(0);
    let signature = '';
    let databaseDigest: PartDigest | null = null;
    options.onProgress(60, '正在写入备份文件…');
    const written = await writeArchive(
      partial,
      {
        database: snapshotFile,
        keys,
        seal: (database, keysDigest) => {
          databaseDigest = database;
          const manifest: BackupManifest = {
            format: 'pingluo-mediation-desk/backup',
            version: 1,
            createdAt: at.toISOString(),
            trigger: options.trigger,
            installationId: source.installationId,
            office: source.office,
            schema: snapshot.schema,
            counts: snapshot.counts,
            files: { [DATABASE_ENTRY]: database, [KEYS_ENTRY]: keysDigest },
          };
          manifestBytes = serializeManifest(manifest);
          signature = signManifest(manifestBytes, source.key);
          return { manifest: manifestBytes, signature };
        },
      },
      (bytes) => options.onProgress(60 + Math.round((bytes / snapshotBytes) * 25), '正在写入备份文件…'),
    );
    options.onProgress(86, '正在读回并核对备份文件…');
    await readBack(partial, manifestBytes, signature, databaseDigest!);
    const path = join(folder, name);
    renameSync(partial, path);
    partial = null;
    fsyncDir(folder);
    options.onProgress(97, '正在清理过期的备份…');
    const rotatedOut = rotate(folder, source.installationId, options.policy);
    return {
      file: name,
      path,
      at: at.toISOString(),
      bytes: written.bytes,
      sha256: written.sha256,
      counts: snapshot.counts,
      rotatedOut,
    };
  } finally {
    if (partial) rmSync(partial, { force: true });
    rmSync(work, { recursive: true, force: true });
    source.key.fill(0);
  }
}
