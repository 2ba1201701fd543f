import { copyFileSync, existsSync, readFileSync, readdirSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { InspectBackupInput } from '../../../main/contract';
import { ADMIN, testApp, type TestApp } from '../../helpers/app';
import { tempDir } from '../../helpers/tempDir';
import { backUp, backupWorld, liveFiles, snapshotFiles } from './world';

// Damaged, foreign and wrongly unlocked backups are refused with a Chinese message that says what
// happened, and the current data stays byte for byte as it was: no file of the installation is
// written, nothing is left in the staging folder, and whoever was signed in stays signed in.

const asAdmin: InspectBackupInput['unlock'] = {
  kind: 'password',
  username: ADMIN.username,
  password: ADMIN.password,
};

function variant(original: string, name: string, change: (bytes: Buffer) => Buffer | void): string {
  const path = join(tempDir('desk-bad-'), name);
  const bytes = Buffer.from(readFileSync(original));
  writeFileSync(path, change(bytes) ?? bytes);
  return path;
}

/** Replaces `from` by `to` (same length) where it first occurs in the file. */
function rewrite(bytes: Buffer, from: string, to: string): Buffer {
  const at = bytes.indexOf(Buffer.from(from, 'utf8'));
  if (at < 0 || from.length !== to.length) throw new Error(`cannot rewrite ${from}`);
  Buffer.from(to, 'utf8').copy(bytes, at);
  return bytes;
}

async function refused(
  app: TestApp,
  path: string,
  unlock = asAdmin,
  channel: 'backup:inspect' | 'setup:inspectBackup' = 'backup:inspect',
) {
  const before = snapshotFiles(app.dataDir, liveFiles);
  const result = await app.call(channel, { path, unlock });
  expect(result.ok, path).toBe(false);
  expect(snapshotFiles(app.dataDir, liveFiles)).toEqual(before);
  expect(existsSync(join(app.dataDir, 'restore-staging'))).toBe(false);
  return result.ok ? null : result.error;
}

describe('a backup that cannot be trusted is refused, and nothing changes', () => {
  it('refuses truncated, bit-flipped, foreign and wrongly unlocked backups', async () => {
    const w = await backupWorld();
    const good = await backUp(w.app);
    const app = w.app;
    const size = readFileSync(good).length;

    const truncated = join(tempDir('desk-bad-'), 'truncated.zip');
    copyFileSync(good, truncated);
    truncateSync(truncated, Math.floor(size / 2));
    expect(await refused(app, truncated)).toEqual({
      code: 'CONFLICT',
      message:
        '备份文件已损坏（文件不完整或不是有效的备份文件），不能用于恢复。请换一份备份，当前数据没有任何改动',
    });
    const cutShort = variant(good, 'cut-short.zip', (b) => b.subarray(0, b.length - 10));
    expect((await refused(app, cutShort))?.message).toContain('文件不完整或不是有效的备份文件');

    // One bit in the middle of the encrypted snapshot.
    const flipped = variant(good, 'flipped.zip', (b) => {
      b[Math.floor(b.length / 2)]! ^= 0x01;
    });
    expect((await refused(app, flipped))?.message).toBe(
      '备份文件已损坏（数据库部分的校验值不符），不能用于恢复。请换一份备份，当前数据没有任何改动',
    );
    // The manifest edited to claim other counts: its signature no longer matches.
    const edited = variant(good, 'edited.zip', (b) => rewrite(b, '"cases": 1', '"cases": 9'));
    expect((await refused(app, edited))?.message).toContain('清单与签名不符，文件可能被改动过');
    const brokenManifest = variant(good, 'manifest.zip', (b) =>
      rewrite(b, 'pingluo-mediation-desk/backup', 'pingluo-mediation-desk/bXckup'),
    );
    expect((await refused(app, brokenManifest))?.message).toContain('清单内容无效');
    const keys = variant(good, 'keys.zip', (b) => {
      const at = b.indexOf(Buffer.from('"lookupKey": "')) + 14;
      b[at] = b[at] === 0x41 ? 0x42 : 0x41;
    });
    expect((await refused(app, keys))?.message).toContain('密钥部分的校验值不符');
    const notABackup = variant(good, 'photo.zip', () => Buffer.from('这不是备份，只是一张照片的说明文字'));
    expect((await refused(app, notABackup))?.message).toContain('文件不完整或不是有效的备份文件');

    expect(
      await refused(app, good, { kind: 'password', username: ADMIN.username, password: 'Wrong1234' }),
    ).toMatchObject({
      code: 'VALIDATION',
      message: '用户名或密码不正确：请使用做这份备份时该账户的密码',
    });
    expect(
      (await refused(app, good, { kind: 'password', username: 'nobody', password: 'Wrong1234' }))?.message,
    ).toBe('用户名或密码不正确：请使用做这份备份时该账户的密码');
    expect(
      (await refused(app, good, { kind: 'recovery', recoveryCode: '0000-0000-0000-0000-0000-0000' }))
        ?.message,
    ).toBe('恢复码不正确，请核对后重新输入');
    expect(await refused(app, w.folder)).toMatchObject({
      code: 'VALIDATION',
      message: '备份文件：这是一个文件夹，请选择其中的备份文件（desk-backup-….zip）',
    });
    expect((await refused(app, join(w.folder, 'missing.zip')))?.message).toContain('找不到文件');

    // After all that, the real thing still opens: nothing was spoilt, no one was signed out.
    expect(app.session.state).toBe('unlocked');
    expect((await app.ok('backup:inspect', { path: good, unlock: asAdmin })).counts.cases).toBe(1);
  });

  it("refuses another office's backup on this PC", async () => {
    const w = await backupWorld();
    // A township committee's installation, with a backup of its own.
    const other = testApp(tempDir('desk-other-'));
    const { recoveryCode } = await other.ok('setup:begin', {});
    const township = (await other.ok('setup:offices', {})).find((o) => o.kind === 'township')!;
    await other.ok('setup:complete', {
      office: { kind: 'listed', id: township.id },
      admin: { ...ADMIN, passwordConfirm: ADMIN.password },
      recoveryCode,
    });
    const otherFolder = tempDir('desk-other-backups-');
    await other.ok('backup:saveSettings', {
      folder: otherFolder,
      autoDaily: false,
      keepDaily: 7,
      keepWeekly: 4,
      keepMonthly: 12,
    });
    const foreign = await backUp(other);
    const here = w.app.session.keyFile!.office;
    const theirs = other.session.keyFile!.office;
    expect(await refused(w.app, foreign)).toEqual({
      code: 'CONFLICT',
      message: `这份备份属于“${theirs.name}”，与本机单位“${here.name}”不同，不能恢复到本机。当前数据没有任何改动`,
    });
  });

  it('locks out after five wrong passwords, and leaves a fresh data directory empty', async () => {
    const w = await backupWorld();
    const good = await backUp(w.app);
    const fresh = testApp(tempDir('desk-fresh-'));
    const wrong = { kind: 'password' as const, username: ADMIN.username, password: 'Nope12345' };
    for (let i = 1; i <= 4; i++) {
      expect((await refused(fresh, good, wrong, 'setup:inspectBackup'))?.code).toBe('VALIDATION');
    }
    expect(await refused(fresh, good, wrong, 'setup:inspectBackup')).toMatchObject({
      code: 'ACCOUNT_LOCKED',
      message: '账户已锁定，请在15分钟后重试',
    });
    expect(await refused(fresh, good, asAdmin, 'setup:inspectBackup')).toMatchObject({
      code: 'ACCOUNT_LOCKED',
    });
    expect(readdirSync(fresh.dataDir)).toEqual([]);
    expect(fresh.session.state).toBe('uninitialized');
  });
});
