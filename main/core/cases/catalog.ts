import type { DisputeTypeRow, OrganisationRow, Repositories, VillageRow } from '../../../db';
import {
  catalogueOwnerMessages,
  mayAddDisputeTypes,
  villageTownshipOf,
  type CatalogDto,
  type CommitteeDto,
  type DisputeTypeDto,
  type VillageDto,
} from '../../contract';
import type { ServiceContext } from '../context';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../errors';
import { today } from '../dates';
import { pingluo } from '../offices/seed';
import { newRecord } from '../newRecord';

// The catalog the intake form chooses from: Pingluo's townships (fixed), villages and dispute
// types (editable by 管理员) and the committees.

/** In use on `day`: founded (if a date is known) and not yet dissolved. */
export function isActiveOn(row: Pick<OrganisationRow, 'activeFrom' | 'activeTo'>, day: string): boolean {
  return (row.activeFrom === null || row.activeFrom <= day) && (row.activeTo === null || row.activeTo >= day);
}

export function toCommitteeDto(row: OrganisationRow, day: string): CommitteeDto {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    abbreviation: row.abbreviation,
    caseNumberPattern: row.caseNumberPattern,
    township: row.township,
    parentId: row.parentId,
    active: isActiveOn(row, day),
  };
}

function toVillageDto(v: VillageRow): VillageDto {
  return { id: v.id, township: v.township, name: v.name, active: v.active, code: v.code };
}

/** A village's code lies under its township's: the first 9 digits are the township's. */
function checkVillageCode(township: string, code: string): void {
  const townshipCode = pingluo.townshipCodes.get(township);
  if (townshipCode && !code.startsWith(townshipCode.slice(0, 9))) {
    throw ValidationError.field(
      ['code'],
      '统计用区划代码',
      `${township}的村（社区）代码应以 ${townshipCode.slice(0, 9)} 开头`,
    );
  }
}

function toDisputeTypeDto(row: DisputeTypeRow): DisputeTypeDto {
  return { code: row.code, name: row.name, officialCode: row.officialCode, active: row.active };
}

export async function getCatalog(ctx: ServiceContext): Promise<CatalogDto> {
  const [organisations, disputeTypes, villages] = await Promise.all([
    ctx.repos.catalog.organisations(),
    ctx.repos.catalog.disputeTypes(),
    ctx.repos.catalog.villages(),
  ]);
  return {
    townships: pingluo.townships,
    villages: villages.map(toVillageDto),
    disputeTypes: disputeTypes.map(toDisputeTypeDto),
    committees: organisations.map((o) => toCommitteeDto(o, today(ctx.clock))),
    ownCommitteeId: ctx.office.id,
    // Intake registers only into the user's scope: their own organisations first.
    intakeCommitteeIds: [
      ...ctx.scope.roots,
      ...organisations
        .filter((o) => ctx.scope.organisations.has(o.id) && !ctx.scope.roots.includes(o.id))
        .map((o) => o.id),
    ],
  };
}

export function requireTownship(township: string, path: (string | number)[] = ['township']): void {
  if (!pingluo.townships.includes(township)) {
    throw ValidationError.field(path, '乡镇', `“${township}”不是平罗县的乡镇，请从列表中选择`);
  }
}

export async function requireDisputeType(
  repos: Repositories,
  code: string,
  path: (string | number)[] = ['disputeType'],
) {
  const type = await repos.catalog.disputeType(code);
  if (!type || !type.active) throw ValidationError.field(path, '纠纷类型', '请从列表中选择纠纷类型');
  return type;
}

export async function saveDisputeType(
  ctx: ServiceContext,
  input: { code: string; name: string; officialCode: string | null; active: boolean },
): Promise<DisputeTypeDto> {
  const existing = await ctx.repos.catalog.disputeType(input.code);
  // A township could never send a type of its own to the county (catalogueOwner.ts).
  if (!existing && !mayAddDisputeTypes(ctx.office))
    throw new ForbiddenError(catalogueOwnerMessages.disputeType);
  if (input.officialCode !== null) {
    const official = await ctx.repos.catalog.disputeType(input.officialCode);
    if (!official || official.officialCode !== null) {
      throw ValidationError.field(['officialCode'], '对应统计类型', '请选择18类统计类型之一');
    }
  }
  if (existing && existing.officialCode === null && input.officialCode !== null) {
    throw new ConflictError('统计类型不能改为地方子类型');
  }
  const row: DisputeTypeRow = {
    code: input.code,
    name: input.name,
    // The 18 official types stay official: only local sub-types map onto one.
    officialCode: existing && existing.officialCode === null ? null : input.officialCode,
    active: input.active,
    sort: existing?.sort ?? ctx.repos.catalog.maxDisputeTypeSort() + 1,
  };
  if (!existing && row.officialCode === null) {
    throw ValidationError.field(['officialCode'], '对应统计类型', '新增的地方类型须对应一个统计类型');
  }
  await ctx.repos.catalog.saveDisputeType(row);
  ctx.audit.target = row.code;
  ctx.audit.detail = `${existing ? '修改' : '新增'}纠纷类型：${row.name}${row.active ? '' : '（停用）'}`;
  return toDisputeTypeDto(row);
}

export async function saveVillage(
  ctx: ServiceContext,
  input: {
    id?: string | undefined;
    township: string;
    name: string;
    active: boolean;
    code?: string | undefined;
  },
): Promise<VillageDto> {
  requireTownship(input.township);
  if (input.code) checkVillageCode(input.township, input.code);
  const now = ctx.clock.now().toISOString();
  const existing = input.id ? await ctx.repos.catalog.village(input.id) : null;
  if (input.id && !existing) throw new NotFoundError('找不到该村（社区），请刷新后重试');
  // A township sends the county only villages of its own 乡镇 (catalogueOwner.ts).
  const ownTownship = villageTownshipOf(ctx.office, await ctx.repos.catalog.organisations());
  if (ownTownship !== null) {
    if (existing && existing.township !== ownTownship)
      throw new ForbiddenError(catalogueOwnerMessages.village(ownTownship));
    if (input.township !== ownTownship)
      throw ValidationError.field(['township'], '乡镇', catalogueOwnerMessages.village(ownTownship));
  }
  const clash = await ctx.repos.catalog.villageByName(input.township, input.name);
  if (clash && clash.id !== existing?.id) throw new ConflictError(`${input.township}已有“${input.name}”`);
  const code = input.code ?? existing?.code ?? null;
  if (code !== null) {
    const holder = await ctx.repos.catalog.villageByCode(code);
    if (holder && holder.id !== existing?.id)
      throw new ConflictError(`代码 ${code} 已是${holder.township}“${holder.name}”的代码`);
    if (existing && existing.township !== input.township) checkVillageCode(input.township, code);
  }
  const row: VillageRow = existing
    ? {
        ...existing,
        township: input.township,
        name: input.name,
        active: input.active,
        code,
        version: existing.version + 1,
        updatedAt: now,
      }
    : {
        ...newRecord(ctx, now),
        township: input.township,
        name: input.name,
        active: input.active,
        code,
      };
  await ctx.repos.catalog.saveVillage(row);
  ctx.audit.target = row.id;
  ctx.audit.detail = `${existing ? '修改' : '新增'}村（社区）：${row.township}${row.name}${code ? `（${code}）` : ''}`;
  return toVillageDto(row);
}
