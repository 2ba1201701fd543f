import type { OrganisationRow, UserRow } from '../../../db';
import type { Role } from '../../contract';
import type { ServiceContext } from '../context';
import { ValidationError } from '../errors';

// Where an account belongs: its organisations (the user's committee scope is these and
// everything under them) and, for a 调解员, the roster entry it acts as. Both are set by the
// 管理员 in 用户管理.

/** The organisations chosen, each an existing one; the installation's office when none were given. */
export async function checkOrganisations(
  ctx: ServiceContext,
  ids: string[] | undefined,
): Promise<{ ids: string[]; names: string[] }> {
  const chosen = ids ?? [ctx.office.id];
  const all = new Map(
    (await ctx.repos.catalog.organisations()).map((o): [string, OrganisationRow] => [o.id, o]),
  );
  const names = chosen.map((id, i) => {
    const org = all.get(id);
    if (!org) throw ValidationError.field(['organisationIds', i], '所属组织', '所选组织不存在，请重新选择');
    return org.name;
  });
  return { ids: chosen, names };
}

/**
 * Links the account to a roster entry (or releases it: null), one account per entry. Returns
 * what the audit log should say, or null when nothing was asked (undefined).
 */
export function linkRosterEntry(
  ctx: ServiceContext,
  user: Pick<UserRow, 'id' | 'displayName'>,
  roles: Role[],
  mediatorId: string | null | undefined,
): string | null {
  if (mediatorId === undefined) return null;
  const now = ctx.clock.now().toISOString();
  if (mediatorId === null) {
    ctx.repos.mediators.linkUser(user.id, null, now);
    return '调解员名册：不关联';
  }
  if (!roles.includes('mediator'))
    throw ValidationError.field(['mediatorId'], '调解员名册', '只有具有“调解员”角色的账户才能关联调解员名册');
  const entry = ctx.repos.mediators.byId(mediatorId);
  if (!entry) throw ValidationError.field(['mediatorId'], '调解员名册', '所选调解员不在名册中，请重新选择');
  if (entry.userId && entry.userId !== user.id)
    throw ValidationError.field(['mediatorId'], '调解员名册', `调解员“${entry.name}”已关联其他账户`);
  ctx.repos.mediators.linkUser(user.id, entry.id, now);
  return `调解员名册：${entry.name}`;
}
