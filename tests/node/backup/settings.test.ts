import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultBackupKeep } from '../../../main/contract';
import { setUpApp } from '../../helpers/app';
import { tempDir } from '../../helpers/tempDir';

// Where backups go is the 管理员's choice, checked with a message that says what to do; the change
// is audited with what changed. The settings live beside the data (backup.json), not in it.

describe('备份设置', () => {
  it('accepts a writable folder outside the data directory, and audits the change', async () => {
    const app = await setUpApp();
    const folder = tempDir('desk-usb-');
    const saved = await app.ok('backup:saveSettings', {
      folder,
      autoDaily: true,
      ...defaultBackupKeep,
      keepMonthly: 24,
    });
    expect(saved).toEqual({ folder, autoDaily: true, keepDaily: 7, keepWeekly: 4, keepMonthly: 24 });
    expect((await app.ok('audit:list', { action: 'backup:saveSettings' })).items[0]!.detail).toBe(
      `备份位置：未设置 → ${folder}；保留每月备份：12 → 24`,
    );
  });

  it('refuses a relative path, a missing folder and the data directory itself', async () => {
    const app = await setUpApp();
    const save = (folder: string) =>
      app.call('backup:saveSettings', { folder, autoDaily: true, ...defaultBackupKeep });
    expect(await save('备份')).toMatchObject({
      ok: false,
      error: { message: '备份位置：请填写完整的文件夹路径，例如 E:\\调解备份 或 /media/usb/调解备份' },
    });
    const missing = join(tempDir('desk-usb-'), '没有插入的U盘');
    expect(await save(missing)).toMatchObject({
      ok: false,
      error: { message: `备份位置：找不到文件夹“${missing}”，请先插入U盘或创建该文件夹` },
    });
    expect(await save(join(app.dataDir, '.'))).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('备份不能放在工作台自己的数据目录里') as string },
    });
    expect(
      await app.call('backup:saveSettings', {
        folder: tempDir(),
        autoDaily: true,
        ...defaultBackupKeep,
        keepDaily: 0,
      }),
    ).toMatchObject({
      ok: false,
      error: { message: '保留每日备份：保留每日备份至少1份' },
    });
    expect((await app.ok('backup:status', {})).settings.folder).toBeNull();
  });
});
