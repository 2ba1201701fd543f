import type { BackupFolderState, BackupNotice } from '../../contract';
import type { BackupState } from './state';

// Backup health, as the 管理员 sees it on 我的待办 and on 数据备份: every problem that needs them,
// most urgent first. A backup older than three days is a warning, as is a folder that is missing
// (the USB disk not plugged in), unwritable or too full for the next backup.

export const STALE_AFTER_MS = 3 * 86_400_000;

function mb(bytes: number): string {
  return `${Math.max(1, Math.ceil(bytes / 1024 / 1024)).toLocaleString('en')} MB`;
}

function beijingTime(iso: string): string {
  return new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

export function backupNotices(input: {
  state: BackupState;
  folder: { state: BackupFolderState; freeBytes: number | null };
  neededBytes: number;
  now: Date;
}): BackupNotice[] {
  const { state, folder } = input;
  const notices: BackupNotice[] = [];
  const where = state.folder ?? '';
  if (folder.state === 'unset') {
    notices.push({
      level: 'error',
      title: '尚未设置备份位置',
      detail:
        '数据还没有备份：电脑损坏或重装后将无法找回。请在“数据备份”中选择U盘、移动硬盘或网络共享文件夹。',
    });
  } else if (folder.state === 'missing') {
    notices.push({
      level: 'error',
      title: '找不到备份位置',
      detail: `找不到“${where}”：请插入备份用的U盘或连接网络共享，或在“数据备份”中重新选择备份位置。`,
    });
  } else if (folder.state === 'notWritable') {
    notices.push({
      level: 'error',
      title: '备份位置无法写入',
      detail: `“${where}”无法写入：请检查文件夹权限，或U盘是否打开了写保护。`,
    });
  } else if (folder.state === 'full') {
    notices.push({
      level: 'error',
      title: '备份位置空间不足',
      detail: `“${where}”只剩 ${mb(folder.freeBytes ?? 0)}，一次备份约需 ${mb(input.neededBytes)}：请清理或更换备份位置。`,
    });
  }
  const last = state.last;
  if (!last) {
    if (folder.state !== 'unset') {
      notices.push({
        level: 'warning',
        title: '还没有成功的备份',
        detail: '请在“数据备份”中点击“立即备份”。',
      });
    }
  } else if (input.now.getTime() - new Date(last.at).getTime() > STALE_AFTER_MS) {
    notices.push({
      level: 'warning',
      title: '已超过3天没有备份',
      detail: `上次成功的备份是 ${beijingTime(last.at)}。请确认备份位置可用，并点击“立即备份”。`,
    });
  }
  if (state.lastError && (!last || state.lastError.at > last.at)) {
    notices.push({
      level: 'error',
      title: '最近一次备份失败',
      detail: `${beijingTime(state.lastError.at)}：${state.lastError.message}`,
    });
  }
  return notices;
}
