import type { Repositories } from '../../../db';
import type { SettingsDto } from '../../contract';
import type { ServiceContext } from '../context';
import { DEFAULT_IDLE_LOCK_MINUTES } from '../session/session';

export async function getSettings(repos: Repositories): Promise<SettingsDto> {
  return {
    idleLockMinutes: (await repos.settings.get<number>('idleLockMinutes')) ?? DEFAULT_IDLE_LOCK_MINUTES,
  };
}

export async function updateSettings(
  ctx: ServiceContext,
  input: SettingsDto,
  applyIdleLock: (minutes: number) => void,
): Promise<SettingsDto> {
  const before = await getSettings(ctx.repos);
  await ctx.repos.settings.set('idleLockMinutes', input.idleLockMinutes);
  applyIdleLock(input.idleLockMinutes);
  ctx.audit.detail = `无操作自动锁定：${before.idleLockMinutes} → ${input.idleLockMinutes} 分钟`;
  return getSettings(ctx.repos);
}
