import { z } from 'zod';
import { officeKinds } from './auth';
import { isoDateTime, password, username } from './common';
import { textRule } from './freeText';

// Backup and restore (issue 12): where backups go and how many are kept, the backups' health,
// the running job, and restoring one. A backup file holds no personal data outside its encrypted
// snapshot; these DTOs carry only paths, times, sizes and counts.

export const defaultBackupKeep = { keepDaily: 7, keepWeekly: 4, keepMonthly: 12 } as const;

export const backupSettingsDto = z.object({
  /** Where backups are written (a USB disk, a network share); null until the 管理员 sets it. */
  folder: z.string().nullable(),
  /** A backup every day (and at sign-out when none was made that day). */
  autoDaily: z.boolean(),
  keepDaily: z.number().int(),
  keepWeekly: z.number().int(),
  keepMonthly: z.number().int(),
});
export type BackupSettingsDto = z.infer<typeof backupSettingsDto>;

const keep = (label: string, min: number, max: number) =>
  z
    .number({ error: `${label}须为数字` })
    .int(`${label}须为整数`)
    .min(min, `${label}至少${min}份`)
    .max(max, `${label}不能超过${max}份`)
    .describe(label);

const pathText = (label: string) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1, `请填写${label}`)
    .max(1000, `${label}过长`)
    .check(textRule(label))
    .describe(label);

export const saveBackupSettingsInput = z.strictObject({
  folder: pathText('备份位置'),
  autoDaily: z.boolean({ error: '请选择是否每天自动备份' }).describe('每天自动备份'),
  keepDaily: keep('保留每日备份', 1, 60),
  keepWeekly: keep('保留每周备份', 0, 52),
  keepMonthly: keep('保留每月备份', 0, 120),
});

export const backupFolderStates = ['unset', 'missing', 'notWritable', 'full', 'ok'] as const;
export type BackupFolderState = (typeof backupFolderStates)[number];

export const backupNotice = z.object({
  level: z.enum(['warning', 'error']),
  title: z.string(),
  detail: z.string(),
});
export type BackupNotice = z.infer<typeof backupNotice>;

export const backupHealthDto = z.object({
  folderState: z.enum(backupFolderStates),
  /** Free space where backups go, when the folder is there. */
  freeBytes: z.number().nullable(),
  /** About how much one backup takes (the database's size). */
  neededBytes: z.number(),
  lastVerifiedAt: isoDateTime.nullable(),
  lastFile: z.string().nullable(),
  lastBytes: z.number().nullable(),
  lastError: z.object({ at: isoDateTime, message: z.string() }).nullable(),
  /** What the 管理员 should do something about, most urgent first; empty when all is well. */
  notices: z.array(backupNotice),
});
export type BackupHealthDto = z.infer<typeof backupHealthDto>;

export const backupJobKinds = ['backup', 'inspect', 'restore'] as const;
export const backupTriggers = ['manual', 'daily', 'signOut', 'beforeRestore'] as const;
export type BackupTrigger = (typeof backupTriggers)[number];

export const backupJobDto = z.object({
  id: z.string(),
  kind: z.enum(backupJobKinds),
  trigger: z.enum(backupTriggers).nullable(),
  percent: z.number(),
  message: z.string(),
  startedAt: isoDateTime,
});
export type BackupJobDto = z.infer<typeof backupJobDto>;

export const backupFileDto = z.object({
  name: z.string(),
  path: z.string(),
  /** When it was made (from its name; the manifest inside says the same, authenticated). */
  createdAt: isoDateTime,
  bytes: z.number(),
  /** Made by this installation (rotation only ever touches these). */
  own: z.boolean(),
});
export type BackupFileDto = z.infer<typeof backupFileDto>;

export const backupStatusDto = z.object({
  settings: backupSettingsDto,
  health: backupHealthDto,
  job: backupJobDto.nullable(),
  /** The backups in the backup folder, newest first. */
  files: z.array(backupFileDto),
});
export type BackupStatusDto = z.infer<typeof backupStatusDto>;

export const backupCapabilitiesDto = z.object({
  /** The desktop app opens folder and file dialogs; browser mode takes typed paths. */
  canBrowse: z.boolean(),
});

export const chooseBackupPathInput = z.strictObject({
  what: z.enum(['folder', 'file'], { error: '请选择要选的是文件夹还是文件' }).describe('选择'),
  startIn: z.string().max(1000).check(textRule('起始位置')).nullable().optional().describe('起始位置'),
});

export const listBackupsInput = z.strictObject({ folder: pathText('文件夹') });

export const unlockBackupInput = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('password'), username, password }),
    z.strictObject({
      kind: z.literal('recovery'),
      recoveryCode: z.string({ error: '请输入恢复码' }).min(1, '请输入恢复码').max(64).describe('恢复码'),
    }),
  ],
  { error: '请选择用账户密码还是恢复码解锁备份' },
);

export const inspectBackupInput = z.strictObject({
  path: pathText('备份文件'),
  unlock: unlockBackupInput.describe('解锁方式'),
});
export type InspectBackupInput = z.input<typeof inspectBackupInput>;

export const restorePreviewDto = z.object({
  /** Names the checked, unlocked copy the app holds until restore (or for 15 minutes). */
  token: z.string(),
  fileName: z.string(),
  bytes: z.number(),
  createdAt: isoDateTime,
  office: z.object({ name: z.string(), kind: z.enum(officeKinds) }),
  /** The backup comes from this very installation (same installation id). */
  sameInstallation: z.boolean(),
  schemaVersion: z.number().int(),
  counts: z.object({
    cases: z.number().int(),
    parties: z.number().int(),
    users: z.number().int(),
    /** Generated documents, their signed scans and the evidence attached to cases. */
    documents: z.number().int(),
    auditEntries: z.number().int(),
  }),
  unlockedWith: z.enum(['password', 'recovery']),
});
export type RestorePreviewDto = z.infer<typeof restorePreviewDto>;

export const restoreBackupInput = z.strictObject({
  token: z.string({ error: '请先选择并解锁备份文件' }).min(1).max(100).describe('备份'),
  confirm: z.literal(true, { error: '请确认用备份替换当前数据' }).describe('确认'),
});

export const restoreResultDto = z.object({
  fileName: z.string(),
  backupCreatedAt: isoDateTime,
  /** The automatic backup of the data that was replaced (none on a fresh installation). */
  safetyBackup: z.string().nullable(),
});

/** The backup part of the 管理员's 我的待办 (their home): the last good backup and what needs doing. */
export const backupTodoDto = z.object({
  lastVerifiedAt: isoDateTime.nullable(),
  notices: z.array(backupNotice),
});
export type BackupTodoDto = z.infer<typeof backupTodoDto>;
export type RestoreResultDto = z.infer<typeof restoreResultDto>;
