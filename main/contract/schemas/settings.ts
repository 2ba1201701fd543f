import { z } from 'zod';

export const settingsDto = z.object({
  idleLockMinutes: z.number().int(),
});
export type SettingsDto = z.infer<typeof settingsDto>;

export const updateSettingsInput = z.strictObject({
  idleLockMinutes: z
    .number({ error: '自动锁定时间须为数字' })
    .int('自动锁定时间须为整数分钟')
    .min(1, '自动锁定时间至少1分钟')
    .max(240, '自动锁定时间不能超过240分钟')
    .describe('无操作自动锁定（分钟）'),
});
