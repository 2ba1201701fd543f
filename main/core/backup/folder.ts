import { randomBytes } from 'node:crypto';
import { accessSync, constants, readdirSync, rmSync, statSync, statfsSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import type { BackupFileDto, BackupFolderState } from '../../contract';
import { ValidationError } from '../errors';
import { installationTag, isPartialBackup, newestFirst, PARTIAL_SUFFIX, parseBackupName } from './names';

// The folder backups go to: is it there, can we write, is there room; which backups are in it.

/** Free bytes for an unprivileged writer where `dir` lives. Replaceable in tests ("the disk is full"). */
export type FreeSpaceProbe = (dir: string) => number;

export const freeSpace: FreeSpaceProbe = (dir) => {
  const fs = statfsSync(dir);
  return fs.bavail * fs.bsize;
};

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

export function folderCondition(
  folder: string | null,
  neededBytes: number,
  probe: FreeSpaceProbe,
): { state: BackupFolderState; freeBytes: number | null } {
  if (!folder) return { state: 'unset', freeBytes: null };
  if (!isDirectory(folder)) return { state: 'missing', freeBytes: null };
  try {
    accessSync(folder, constants.W_OK);
  } catch {
    return { state: 'notWritable', freeBytes: null };
  }
  let free: number | null;
  try {
    free = probe(folder);
  } catch {
    free = null;
  }
  if (free !== null && free < neededBytes) return { state: 'full', freeBytes: free };
  return { state: 'ok', freeBytes: free };
}

/** Really writes (and removes) a file: the only sure test on shares and USB disks. */
export function probeWrite(folder: string): boolean {
  const probe = join(folder, `.desk-write-test-${randomBytes(6).toString('hex')}`);
  try {
    writeFileSync(probe, 'ok');
    return true;
  } catch {
    return false;
  } finally {
    rmSync(probe, { force: true });
  }
}

/** Checks a folder the 管理员 chose, with a message that says what to do. Returns it resolved. */
export function acceptableFolder(folder: string, dataDir: string): string {
  const field = (message: string) => ValidationError.field(['folder'], '备份位置', message);
  if (!isAbsolute(folder)) throw field('请填写完整的文件夹路径，例如 E:\\调解备份 或 /media/usb/调解备份');
  const chosen = resolve(folder);
  const inside = relative(resolve(dataDir), chosen);
  if (inside === '' || (!inside.startsWith('..') && !isAbsolute(inside))) {
    throw field(
      '备份不能放在工作台自己的数据目录里：电脑损坏时会一起丢失。请选择U盘、移动硬盘或网络共享文件夹',
    );
  }
  if (!isDirectory(chosen)) throw field(`找不到文件夹“${chosen}”，请先插入U盘或创建该文件夹`);
  if (!probeWrite(chosen)) throw field(`文件夹“${chosen}”无法写入，请检查权限或U盘是否写保护`);
  return chosen;
}

/** The backups in a folder, newest first; files being written are left out. */
export function listBackups(folder: string, installationId: string | null): BackupFileDto[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  const own = installationId ? installationTag(installationId) : null;
  const files: BackupFileDto[] = [];
  for (const name of names) {
    if (isPartialBackup(name)) continue;
    const parsed = parseBackupName(name);
    if (!parsed) continue;
    const path = join(folder, name);
    let bytes: number;
    try {
      const stat = statSync(path);
      if (!stat.isFile()) continue;
      bytes = stat.size;
    } catch {
      continue;
    }
    files.push({ name, path, createdAt: parsed.at.toISOString(), bytes, own: parsed.installation === own });
  }
  return files.sort((a, b) => newestFirst(a.name, b.name));
}

/**
 * Removes what an interrupted backup of this installation left in the folder. Another office's
 * partial file in a shared folder may be one it is writing right now: never touched.
 */
export function removePartials(folder: string, installationId: string): void {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return;
  }
  const own = installationTag(installationId);
  for (const name of names) {
    if (!isPartialBackup(name)) continue;
    if (parseBackupName(name.slice(0, -PARTIAL_SUFFIX.length))?.installation !== own) continue;
    rmSync(join(folder, name), { force: true });
  }
}
