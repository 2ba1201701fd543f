import { z } from 'zod';

/** Installation settings: idle lock, and the local deadline rules (domain.md §5). */
export const settingsDto = z.object({
  idleLockMinutes: z.number().int(),
  /** Mediation time limit in days for ordinary and court-delegated (委派, pre-filing) cases. */
  mediationLimitDays: z.number().int(),
  /** Court-entrusted (委托, post-filing) cases: ordinary procedure / summary procedure. */
  courtEntrustedOrdinaryDays: z.number().int(),
  courtEntrustedSummaryDays: z.number().int(),
  /** Return visit due this many days after the performance deadline. */
  returnVisitDelayDays: z.number().int(),
});
export type SettingsDto = z.infer<typeof settingsDto>;

export const defaultSettings: SettingsDto = {
  idleLockMinutes: 10,
  mediationLimitDays: 30,
  courtEntrustedOrdinaryDays: 15,
  courtEntrustedSummaryDays: 7,
  returnVisitDelayDays: 7,
};

const days = (label: string, max: number) =>
  z
    .number({ error: `${label}须为数字` })
    .int(`${label}须为整数天`)
    .min(1, `${label}至少1天`)
    .max(max, `${label}不能超过${max}天`)
    .describe(label);

export const updateSettingsInput = z
  .strictObject({
    idleLockMinutes: z
      .number({ error: '自动锁定时间须为数字' })
      .int('自动锁定时间须为整数分钟')
      .min(1, '自动锁定时间至少1分钟')
      .max(240, '自动锁定时间不能超过240分钟')
      .describe('无操作自动锁定（分钟）'),
    mediationLimitDays: days('调解期限', 180),
    courtEntrustedOrdinaryDays: days('法院委托（普通程序）调解期限', 90),
    courtEntrustedSummaryDays: days('法院委托（简易程序）调解期限', 60),
    returnVisitDelayDays: days('回访间隔', 90),
  })
  .partial();
