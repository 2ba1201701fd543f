import type { Repositories } from '../../../db';
import { defaultSettings, type SettingsDto } from '../../contract';
import type { ServiceContext } from '../context';

const labels: Record<keyof SettingsDto, string> = {
  idleLockMinutes: '无操作自动锁定（分钟）',
  mediationLimitDays: '调解期限（天）',
  courtEntrustedOrdinaryDays: '法院委托普通程序期限（天）',
  courtEntrustedSummaryDays: '法院委托简易程序期限（天）',
  returnVisitDelayDays: '回访间隔（天）',
};

export async function getSettings(repos: Repositories): Promise<SettingsDto> {
  const out = { ...defaultSettings };
  for (const key of Object.keys(defaultSettings) as (keyof SettingsDto)[]) {
    const stored = await repos.settings.get<number>(key);
    if (typeof stored === 'number') out[key] = stored;
  }
  return out;
}

export async function updateSettings(
  ctx: ServiceContext,
  input: Partial<SettingsDto>,
  applyIdleLock: (minutes: number) => void,
): Promise<SettingsDto> {
  const before = await getSettings(ctx.repos);
  const changes: string[] = [];
  for (const key of Object.keys(input) as (keyof SettingsDto)[]) {
    const value = input[key];
    if (value === undefined || value === before[key]) continue;
    await ctx.repos.settings.set(key, value);
    changes.push(`${labels[key]}：${before[key]} → ${value}`);
  }
  if (input.idleLockMinutes !== undefined) applyIdleLock(input.idleLockMinutes);
  ctx.audit.detail = changes.join('；') || '无变化';
  return getSettings(ctx.repos);
}
