import { z } from 'zod';
import { empty } from '../schemas/common';
import {
  backupCapabilitiesDto,
  backupFileDto,
  backupSettingsDto,
  backupStatusDto,
  chooseBackupPathInput,
  inspectBackupInput,
  listBackupsInput,
  restoreBackupInput,
  restorePreviewDto,
  restoreResultDto,
  saveBackupSettingsInput,
} from '../schemas/backup';
import { defineChannels } from './spec';

const chosenPath = z.object({ path: z.string().nullable() });

/**
 * Backup and restore. The backup:* channels are the 管理员's; the setup:* ones serve the first-run
 * wizard's "从备份恢复" and answer only while the installation is not yet set up.
 */
export const backupChannels = defineChannels({
  'backup:capabilities': {
    input: empty,
    output: backupCapabilitiesDto,
    access: 'public',
    kind: 'query',
    label: '查询备份功能',
  },
  'backup:status': {
    input: empty,
    output: backupStatusDto,
    access: 'backup:manage',
    kind: 'query',
    label: '查看备份状态',
  },
  'backup:saveSettings': {
    input: saveBackupSettingsInput,
    output: backupSettingsDto,
    access: 'backup:manage',
    kind: 'mutation',
    label: '修改备份设置',
  },
  'backup:run': {
    input: empty,
    output: z.object({ jobId: z.string() }),
    access: 'backup:manage',
    kind: 'mutation',
    label: '立即备份',
  },
  'backup:choose': {
    input: chooseBackupPathInput,
    output: chosenPath,
    access: 'backup:manage',
    kind: 'query',
    label: '选择备份位置',
  },
  'backup:list': {
    input: listBackupsInput,
    output: z.array(backupFileDto),
    access: 'backup:restore',
    kind: 'query',
    label: '列出备份文件',
  },
  'backup:inspect': {
    input: inspectBackupInput,
    output: restorePreviewDto,
    access: 'backup:restore',
    kind: 'query',
    label: '检查备份文件',
  },
  'backup:restore': {
    input: restoreBackupInput,
    output: restoreResultDto,
    access: 'backup:restore',
    kind: 'mutation',
    label: '从备份恢复',
  },
  'setup:chooseBackup': {
    input: chooseBackupPathInput,
    output: chosenPath,
    access: 'public',
    kind: 'query',
    label: '选择备份文件（首次使用）',
  },
  'setup:listBackups': {
    input: listBackupsInput,
    output: z.array(backupFileDto),
    access: 'public',
    kind: 'query',
    label: '列出备份文件（首次使用）',
  },
  'setup:inspectBackup': {
    input: inspectBackupInput,
    output: restorePreviewDto,
    access: 'public',
    kind: 'query',
    label: '检查备份文件（首次使用）',
  },
  'setup:restoreBackup': {
    input: restoreBackupInput,
    output: restoreResultDto,
    access: 'public',
    kind: 'mutation',
    label: '从备份恢复（首次使用）',
  },
});
