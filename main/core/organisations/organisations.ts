import type { OrganisationRow } from '../../../db';
import {
  catalogueOwnerMessages,
  compositionNotes,
  describeParents,
  keeperOf,
  isRealDate,
  mayHaveParent,
  organisationKindLabels,
  organisationsKeptBy,
  type ChannelOutput,
  type ChannelParsedInput,
  type OrganisationDto,
} from '../../contract';
import { formatCaseNumber, validateCaseNumberPattern } from '../cases/caseNumber';
import type { ServiceContext } from '../context';
import { today } from '../dates';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../errors';
import { pingluo } from '../offices/seed';
import { newRecord } from '../newRecord';
import { rosterData, toMediatorDto } from './mediatorDto';

// The organisation tree: the county center, sector committees, the 13 township committees and
// the village committees under them, unit committees, mediation rooms and stationed rooms.
// Seeded for Pingluo (migrations 0002, 0003) and edited by 管理员.

type SaveInput = ChannelParsedInput<'orgs:save'>;

export function parseSpecialties(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

/**
 * Specialties (of an organisation or a mediator) as dispute-type codes that exist, each once.
 * An error points at the first place the unknown code was entered.
 */
export function requireKnownSpecialties(
  codes: string[],
  known: { has(code: string): boolean },
  label: string,
): string[] {
  const specialties = [...new Set(codes)];
  for (const code of specialties) {
    if (!known.has(code)) {
      throw ValidationError.field(['specialties', codes.indexOf(code)], label, `“${code}”不是已有的纠纷类型`);
    }
  }
  return specialties;
}

export function toOrganisationDto(row: OrganisationRow): OrganisationDto {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    parentId: row.parentId,
    abbreviation: row.abbreviation,
    caseNumberPattern: row.caseNumberPattern,
    township: row.township,
    address: row.address,
    sealText: row.sealText,
    activeFrom: row.activeFrom,
    activeTo: row.activeTo,
    specialties: parseSpecialties(row.specialties),
    version: row.version,
  };
}

export async function organisationTree(ctx: ServiceContext): Promise<ChannelOutput<'orgs:tree'>> {
  const [organisations, disputeTypes, data] = await Promise.all([
    ctx.repos.catalog.organisations(),
    ctx.repos.catalog.disputeTypes(),
    rosterData(ctx),
  ]);
  // The committees' composition warnings (人民调解法 Arts. 8–9) on the office's day: the screen
  // shows these, so what it warns about is what the service says.
  const day = today(ctx.clock);
  const roster = ctx.repos.mediators.list(false).map((row) => toMediatorDto(row, data));
  const dtos = organisations.map(toOrganisationDto);
  return {
    composition: Object.fromEntries(dtos.map((o) => [o.id, compositionNotes(o, roster, day)])),
    organisations: dtos,
    disputeTypes: disputeTypes.map((t) => ({
      code: t.code,
      name: t.name,
      officialCode: t.officialCode,
      active: t.active,
    })),
  };
}

/**
 * A township's installation changes only its own committee and what is under it, and keeps its
 * additions there (catalogueOwner.ts): anything else it could never send to the county.
 */
function requireKeptHere(
  ctx: ServiceContext,
  all: readonly OrganisationRow[],
  existing: OrganisationRow | undefined,
  parent: OrganisationRow | undefined,
): void {
  const kept = organisationsKeptBy(ctx.office, all);
  if (!kept) return;
  if (existing && !kept.has(existing.id))
    throw new ForbiddenError(
      catalogueOwnerMessages.organisation(existing.name, keeperOf(existing.id, all), ctx.office.name),
    );
  if (existing?.id === ctx.office.id) {
    if ((parent?.id ?? null) !== existing.parentId)
      throw ValidationError.field(['parentId'], '上级组织', catalogueOwnerMessages.ownParent);
    return;
  }
  if (!parent || !kept.has(parent.id))
    throw ValidationError.field(['parentId'], '上级组织', catalogueOwnerMessages.parent(ctx.office.name));
}

/** A date the contract only checked for shape must also be a real calendar day. */
export function requireRealDate(
  value: string | undefined,
  path: (string | number)[],
  label: string,
): string | null {
  if (value === undefined) return null;
  if (!isRealDate(value)) throw ValidationError.field(path, label, `${value} 不是有效的日期`);
  return value;
}

export async function saveOrganisation(ctx: ServiceContext, input: SaveInput): Promise<OrganisationDto> {
  const all = await ctx.repos.catalog.organisations();
  const byId = new Map(all.map((o) => [o.id, o]));
  const existing = input.id ? byId.get(input.id) : undefined;
  if (input.id && !existing) throw new NotFoundError('找不到该调解组织，可能已被删除，请刷新后重试');
  if (existing) {
    ctx.audit.target = existing.id;
    if (input.version === undefined)
      throw ValidationError.field(['version'], '版本', '修改时须提供版本号，请刷新后重试');
    if (input.version !== existing.version)
      throw new ConflictError(`“${existing.name}”刚被其他人修改，请刷新后重试`);
  }

  // Kind and parent.
  const kindLabel = organisationKindLabels[input.kind];
  if (
    existing &&
    existing.kind !== input.kind &&
    (existing.kind === 'county_center' || input.kind === 'county_center')
  ) {
    throw ValidationError.field(
      ['kind'],
      '组织类型',
      '县人民调解中心的类型不能更改，其他组织也不能改为县人民调解中心',
    );
  }
  if (!existing && input.kind === 'county_center' && all.some((o) => o.kind === 'county_center')) {
    throw ValidationError.field(['kind'], '组织类型', '全县只能有一个县人民调解中心');
  }
  const parent = input.parentId ? byId.get(input.parentId) : undefined;
  if (input.parentId && !parent)
    throw ValidationError.field(['parentId'], '上级组织', '所选上级组织不存在，请从列表中选择');
  requireKeptHere(ctx, all, existing, parent);
  if (!parent && !mayHaveParent(input.kind, null)) {
    throw ValidationError.field(
      ['parentId'],
      '上级组织',
      `请选择上级组织（${kindLabel}隶属于${describeParents(input.kind)}）`,
    );
  }
  if (parent) {
    if (input.kind === 'county_center') {
      throw ValidationError.field(['parentId'], '上级组织', '县人民调解中心是最上级组织，不能设置上级');
    }
    if (existing) {
      // Walk up from the chosen parent: meeting this organisation again would close a loop.
      for (
        let at: OrganisationRow | undefined = parent;
        at;
        at = at.parentId ? byId.get(at.parentId) : undefined
      ) {
        if (at.id === existing.id) {
          throw ValidationError.field(
            ['parentId'],
            '上级组织',
            '不能选择本组织或其下级组织作为上级（会形成循环）',
          );
        }
      }
    }
    if (!mayHaveParent(input.kind, parent.kind)) {
      throw ValidationError.field(
        ['parentId'],
        '上级组织',
        `${kindLabel}的上级只能是${describeParents(input.kind)}，“${parent.name}”是${organisationKindLabels[parent.kind]}`,
      );
    }
  }
  if (existing && existing.kind !== input.kind) {
    const stranded = all.find((o) => o.parentId === existing.id && !mayHaveParent(o.kind, input.kind));
    if (stranded) {
      throw ValidationError.field(
        ['kind'],
        '组织类型',
        `下级组织“${stranded.name}”（${organisationKindLabels[stranded.kind]}）不能隶属于${kindLabel}，请先调整其上级`,
      );
    }
  }

  // Names and case numbers must not collide with another organisation's.
  const others = all.filter((o) => o.id !== existing?.id);
  const sameName = others.find((o) => o.name === input.name);
  if (sameName) throw ValidationError.field(['name'], '组织名称', `已有同名的调解组织“${sameName.name}”`);
  const sameAbbr = others.find((o) => o.abbreviation === input.abbreviation);
  if (sameAbbr) {
    throw ValidationError.field(
      ['abbreviation'],
      '案号简称',
      `“${input.abbreviation}”已被“${sameAbbr.name}”使用，案号会重复`,
    );
  }
  const patternCheck = validateCaseNumberPattern(input.caseNumberPattern);
  if (!patternCheck.ok) throw ValidationError.field(['caseNumberPattern'], '案号格式', patternCheck.message);
  const pattern = patternCheck.pattern;
  const clash = others.find((o) =>
    sameNumbers(o.caseNumberPattern, o.abbreviation, pattern, input.abbreviation),
  );
  if (clash) {
    const sample = formatCaseNumber(pattern, {
      year: Number(today(ctx.clock).slice(0, 4)),
      abbr: input.abbreviation,
      seq: 1,
    });
    throw ValidationError.field(
      ['caseNumberPattern'],
      '案号格式',
      `会与“${clash.name}”编出相同的案号（如${sample}），请调整简称或格式`,
    );
  }

  // Where it is.
  let township = input.township ?? null;
  if (township !== null && !pingluo.townships.includes(township)) {
    throw ValidationError.field(['township'], '所在乡镇', `“${township}”不是平罗县的乡镇，请从列表中选择`);
  }
  if (parent?.kind === 'township' && parent.township) {
    if (township === null) township = parent.township;
    else if (township !== parent.township) {
      throw ValidationError.field(
        ['township'],
        '所在乡镇',
        `应与上级“${parent.name}”所在的${parent.township}一致`,
      );
    }
  }
  if ((input.kind === 'township' || input.kind === 'village') && township === null) {
    throw ValidationError.field(['township'], '所在乡镇', `请选择${kindLabel}所在的乡镇`);
  }

  // When it exists.
  const activeFrom = requireRealDate(input.activeFrom, ['activeFrom'], '成立日期');
  const activeTo = requireRealDate(input.activeTo, ['activeTo'], '撤销日期');
  if (activeFrom && activeTo && activeTo < activeFrom) {
    throw ValidationError.field(['activeTo'], '撤销日期', `不能早于成立日期（${activeFrom}）`);
  }

  // What it specialises in.
  const types = new Map((await ctx.repos.catalog.disputeTypes()).map((t) => [t.code, t]));
  const specialties = requireKnownSpecialties(input.specialties, types, '专业领域');

  const now = ctx.clock.now().toISOString();
  const fields = {
    name: input.name,
    kind: input.kind,
    parentId: parent?.id ?? null,
    abbreviation: input.abbreviation,
    caseNumberPattern: pattern,
    township,
    address: input.address ?? null,
    sealText: input.sealText ?? null,
    activeFrom,
    activeTo,
    specialties: JSON.stringify(specialties),
  };
  if (existing) {
    const row: OrganisationRow = { ...existing, ...fields, updatedAt: now };
    if (!(await ctx.repos.catalog.updateOrganisation(row, existing.version))) {
      throw new ConflictError(`“${existing.name}”刚被其他人修改，请刷新后重试`);
    }
    // Moved in the tree: whoever is above it now sees its cases, whoever was above no longer does.
    if (existing.parentId !== row.parentId) ctx.repos.caseScope.rebuildAround(row.id);
    const changes = describeChanges(existing, row, byId, types);
    ctx.audit.detail = `修改调解组织：${row.name}${changes ? `（${changes}）` : '（无变化）'}`;
    return toOrganisationDto({ ...row, version: existing.version + 1 });
  }
  const row: OrganisationRow = {
    ...newRecord(ctx, now),
    sort: Math.max(0, ...all.map((o) => o.sort)) + 1,
    ...fields,
  };
  await ctx.repos.catalog.insertOrganisation(row);
  ctx.audit.target = row.id;
  ctx.audit.detail = `新增调解组织：${row.name}（${kindLabel}${parent ? `，上级：${parent.name}` : ''}，案号简称：${row.abbreviation}）`;
  return toOrganisationDto(row);
}

/** Two committees would issue the same number if their patterns agree for the first and a long sequence number. */
function sameNumbers(patternA: string, abbrA: string, patternB: string, abbrB: string): boolean {
  try {
    return [1, 123_456_789].some(
      (seq) =>
        formatCaseNumber(patternA, { year: 2026, abbr: abbrA, seq }) ===
        formatCaseNumber(patternB, { year: 2026, abbr: abbrB, seq }),
    );
  } catch {
    return false;
  }
}

function describeChanges(
  before: OrganisationRow,
  after: OrganisationRow,
  byId: Map<string, OrganisationRow>,
  types: Map<string, { name: string }>,
): string {
  const parentName = (id: string | null) => (id ? (byId.get(id)?.name ?? id) : '无');
  const specialtyNames = (json: string) =>
    parseSpecialties(json)
      .map((c) => types.get(c)?.name ?? c)
      .join('、') || '无';
  const show = (v: string | null) => v ?? '无';
  const rows: [string, string, string][] = [
    ['名称', before.name, after.name],
    ['类型', organisationKindLabels[before.kind], organisationKindLabels[after.kind]],
    ['上级', parentName(before.parentId), parentName(after.parentId)],
    ['案号简称', before.abbreviation, after.abbreviation],
    ['案号格式', before.caseNumberPattern, after.caseNumberPattern],
    ['所在乡镇', show(before.township), show(after.township)],
    ['地址', show(before.address), show(after.address)],
    ['印章文字', show(before.sealText), show(after.sealText)],
    ['成立日期', show(before.activeFrom), show(after.activeFrom)],
    ['撤销日期', show(before.activeTo), show(after.activeTo)],
    ['专业领域', specialtyNames(before.specialties), specialtyNames(after.specialties)],
  ];
  return rows
    .filter(([, a, b]) => a !== b)
    .map(([label, a, b]) => `${label}：${a} → ${b}`)
    .join('；');
}
