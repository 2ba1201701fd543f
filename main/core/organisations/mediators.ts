import { randomUUID } from 'node:crypto';
import type { MediatorRow, MembershipRow, OrganisationRow, TrainingRow } from '../../../db';
import {
  checkCreditCode,
  checkIdNumber,
  employmentLabels,
  maskIdNumber,
  mediatorKindLabels,
  sexLabels,
  trainingKindLabels,
  type ChannelParsedInput,
  type MediatorDto,
  type Sex,
} from '../../contract';
import type { ServiceContext } from '../context';
import { addMonths, today } from '../dates';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import { parseSpecialties, requireRealDate } from './organisations';

// The mediator roster: 人民调解员, 信息员 and 志愿者, their committee memberships, training log and
// the ties the conflict check (回避) compares (household members, village group, employer).
//
// ID numbers are stored in full and leave the service masked. An edit form therefore sends back
// the masked value it was shown when the number was not touched: a masked value equal to the
// stored number's mask means "keep", anything else must be a complete, valid number.

type SaveInput = ChannelParsedInput<'mediators:save'>;
type TrainingInput = ChannelParsedInput<'mediators:addTraining'>;

interface StoredHouseholdMember {
  name: string;
  relation: string;
  idNumber: string | null;
}

const ADULT_MONTHS = 18 * 12;

function householdOf(row: MediatorRow): StoredHouseholdMember[] {
  try {
    const value: unknown = JSON.parse(row.householdMembers);
    return Array.isArray(value) ? (value as StoredHouseholdMember[]) : [];
  } catch {
    return [];
  }
}

interface RosterData {
  organisations: Map<string, OrganisationRow>;
  memberships: MembershipRow[];
  trainings: TrainingRow[];
  openCases: Map<string, number>;
  year: string;
}

async function rosterData(ctx: ServiceContext, mediatorId?: string): Promise<RosterData> {
  const organisations = new Map((await ctx.repos.catalog.organisations()).map((o) => [o.id, o]));
  return {
    organisations,
    memberships: ctx.repos.mediators.memberships(mediatorId),
    trainings: ctx.repos.mediators.trainings(mediatorId),
    openCases: ctx.repos.mediators.openCaseCounts(),
    year: today(ctx.clock).slice(0, 4),
  };
}

function toMediatorDto(row: MediatorRow, data: RosterData): MediatorDto {
  const trainings = data.trainings.filter((t) => t.mediatorId === row.id);
  const thisYear = { initial: 0, continuing: 0 };
  for (const t of trainings) {
    if (t.date.startsWith(`${data.year}-`) && (t.kind === 'initial' || t.kind === 'continuing'))
      thisYear[t.kind] += t.days;
  }
  return {
    id: row.id,
    version: row.version,
    kind: row.kind as MediatorDto['kind'],
    name: row.name,
    sex: row.sex as Sex | null,
    ethnicity: row.ethnicity,
    idNumberMasked: row.idNumber ? maskIdNumber(row.idNumber) : null,
    phone: row.phone,
    employment: row.employment as MediatorDto['employment'],
    certificateNumber: row.certificateNumber,
    grade: row.grade as MediatorDto['grade'],
    specialties: parseSpecialties(row.specialties),
    householdMembers: householdOf(row).map((m) => ({
      name: m.name,
      relation: m.relation,
      idNumberMasked: m.idNumber ? maskIdNumber(m.idNumber) : null,
    })),
    villageGroup: row.villageGroup,
    employer: row.employer,
    employerCreditCode: row.employerCreditCode,
    userId: row.userId,
    memberships: data.memberships
      .filter((m) => m.mediatorId === row.id)
      .map((m) => ({
        organisationId: m.organisationId,
        organisationName: data.organisations.get(m.organisationId)?.name ?? '（已删除的组织）',
        position: m.position,
        from: m.fromOn,
        to: m.toOn,
      })),
    active: row.active,
    trainingDaysThisYear: thisYear,
    trainings: trainings.map((t) => ({
      id: t.id,
      date: t.date,
      days: t.days,
      kind: t.kind as 'initial' | 'continuing',
      topic: t.topic,
    })),
    openCases: data.openCases.get(row.id) ?? 0,
    updatedAt: row.updatedAt,
  };
}

export async function listMediators(
  ctx: ServiceContext,
  input: { includeInactive: boolean },
): Promise<MediatorDto[]> {
  const rows = ctx.repos.mediators.list(input.includeInactive);
  const data = await rosterData(ctx);
  return rows.map((row) => toMediatorDto(row, data));
}

async function mediatorDto(ctx: ServiceContext, id: string): Promise<MediatorDto> {
  return toMediatorDto(ctx.repos.mediators.byId(id)!, await rosterData(ctx, id));
}

function mustFind(ctx: ServiceContext, id: string): MediatorRow {
  const row = ctx.repos.mediators.byId(id);
  if (!row) throw new NotFoundError('找不到该调解员，可能已被删除，请刷新后重试');
  ctx.audit.target = row.id;
  return row;
}

/** A resident ID number as typed, or the mask the form was shown for `stored` (keep it): the full, normalised number. */
function resolveIdNumber(
  typed: string,
  stored: string | null | undefined,
  path: (string | number)[],
  label: string,
  day: string,
): string {
  if (typed.includes('*')) {
    if (stored && maskIdNumber(stored) === typed) return stored;
    throw ValidationError.field(path, label, '请填写完整的身份证号码');
  }
  const check = checkIdNumber(typed, day);
  if (!check.ok) throw ValidationError.field(path, label, check.message);
  return check.value.normalized;
}

export async function saveMediator(ctx: ServiceContext, input: SaveInput): Promise<MediatorDto> {
  const day = today(ctx.clock);
  const existing = input.id ? mustFind(ctx, input.id) : undefined;
  if (existing) {
    if (input.version === undefined)
      throw ValidationError.field(['version'], '版本', '修改时须提供版本号，请刷新后重试');
    if (input.version !== existing.version)
      throw new ConflictError(`调解员“${existing.name}”的信息刚被其他人修改，请刷新后重试`);
  }
  const roster = ctx.repos.mediators.list(true).filter((m) => m.id !== existing?.id);

  // Identity: a valid number, stored in full; sex and age follow from it.
  let idNumber: string | null = null;
  let sex: Sex | null = input.sex ?? null;
  if (input.idNumber) {
    idNumber = resolveIdNumber(input.idNumber, existing?.idNumber, ['idNumber'], '身份证号码', day);
    const idSex = sexOf(idNumber);
    if (input.sex && input.sex !== idSex) {
      throw ValidationError.field(['sex'], '性别', `与身份证号码不符：号码显示为${sexLabels[idSex]}性`);
    }
    sex = idSex;
    const birthDate = birthDateOf(idNumber);
    if (input.kind === 'mediator' && addMonths(birthDate, ADULT_MONTHS) > day) {
      throw ValidationError.field(
        ['idNumber'],
        '身份证号码',
        `人民调解员须年满18周岁（号码显示出生于${birthDate}）`,
      );
    }
    const twin = roster.find((m) => m.idNumber === idNumber);
    if (twin) throw ValidationError.field(['idNumber'], '身份证号码', `该号码已登记为“${twin.name}”`);
  }

  // Ties for the conflict check.
  const storedHousehold = existing ? householdOf(existing) : [];
  const household: StoredHouseholdMember[] = input.householdMembers.map((m, i) => {
    if (!m.idNumber) return { name: m.name, relation: m.relation, idNumber: null };
    const sameMask = storedHousehold.filter((s) => s.idNumber && maskIdNumber(s.idNumber) === m.idNumber);
    const stored = (sameMask.find((s) => s.name === m.name) ?? sameMask[0])?.idNumber;
    const label = `家庭成员 › 第${i + 1}项 › 证件号码`;
    return {
      name: m.name,
      relation: m.relation,
      idNumber: resolveIdNumber(m.idNumber, stored, ['householdMembers', i, 'idNumber'], label, day),
    };
  });
  let employerCreditCode: string | null = null;
  if (input.employerCreditCode) {
    const check = checkCreditCode(input.employerCreditCode);
    if (check.status === 'invalid') {
      throw ValidationError.field(['employerCreditCode'], '工作单位统一社会信用代码', check.message);
    }
    employerCreditCode = check.normalized;
  }

  // What they handle and where they belong.
  const types = new Set((await ctx.repos.catalog.disputeTypes()).map((t) => t.code));
  const specialties = [...new Set(input.specialties)];
  for (const code of specialties) {
    if (!types.has(code)) {
      throw ValidationError.field(
        ['specialties', input.specialties.indexOf(code)],
        '擅长纠纷类型',
        `“${code}”不是已有的纠纷类型`,
      );
    }
  }
  const organisations = new Map((await ctx.repos.catalog.organisations()).map((o) => [o.id, o]));
  const memberships = input.memberships.map((m, i) => {
    const at = `所属调委会 › 第${i + 1}项`;
    if (!organisations.has(m.organisationId)) {
      throw ValidationError.field(
        ['memberships', i, 'organisationId'],
        `${at} › 所属组织`,
        '所选组织不存在，请从列表中选择',
      );
    }
    const from = requireRealDate(m.from, ['memberships', i, 'from'], `${at} › 任职起`);
    const to = requireRealDate(m.to, ['memberships', i, 'to'], `${at} › 任职止`);
    if (from && to && to < from)
      throw ValidationError.field(['memberships', i, 'to'], `${at} › 任职止`, `不能早于任职起（${from}）`);
    return { organisationId: m.organisationId, position: m.position, fromOn: from, toOn: to };
  });
  for (const [i, m] of memberships.entries()) {
    const overlap = memberships
      .slice(0, i)
      .find((o) => o.organisationId === m.organisationId && overlaps(o, m));
    if (overlap) {
      throw ValidationError.field(
        ['memberships', i, 'organisationId'],
        `所属调委会 › 第${i + 1}项 › 所属组织`,
        `在“${organisations.get(m.organisationId)!.name}”的任职期间与第${memberships.indexOf(overlap) + 1}项重叠`,
      );
    }
  }

  // The sign-in account, if any: one person, one mediator record.
  if (input.userId) {
    const user = await ctx.repos.users.findById(input.userId);
    if (!user) throw ValidationError.field(['userId'], '关联登录账户', '该账户不存在，请从列表中选择');
    const linked = roster.find((m) => m.userId === input.userId);
    if (linked)
      throw ValidationError.field(
        ['userId'],
        '关联登录账户',
        `账户“${user.displayName}”已关联调解员“${linked.name}”`,
      );
  }

  const now = ctx.clock.now().toISOString();
  const fields = {
    kind: input.kind,
    name: input.name,
    sex,
    ethnicity: input.ethnicity ?? null,
    idNumber,
    phone: input.phone ?? null,
    employment: input.employment,
    certificateNumber: input.certificateNumber ?? null,
    grade: input.grade,
    specialties: JSON.stringify(specialties),
    householdMembers: JSON.stringify(household),
    villageGroup: input.villageGroup ?? null,
    employer: input.employer ?? null,
    employerCreditCode,
    userId: input.userId,
    active: input.active,
  };
  const row: MediatorRow = existing
    ? { ...existing, ...fields, updatedAt: now }
    : {
        id: randomUUID(),
        originOfficeId: ctx.office.id,
        version: 1,
        createdAt: now,
        updatedAt: now,
        deletedAt: null,
        ...fields,
      };
  if (existing) {
    if (!ctx.repos.mediators.update(row, existing.version)) {
      throw new ConflictError(`调解员“${existing.name}”的信息刚被其他人修改，请刷新后重试`);
    }
  } else {
    ctx.repos.mediators.insert(row);
  }

  const before = existing ? ctx.repos.mediators.memberships(existing.id) : [];
  const key = (m: { organisationId: string; position: string; fromOn: string | null; toOn: string | null }) =>
    `${m.organisationId}|${m.position}|${m.fromOn ?? ''}|${m.toOn ?? ''}`;
  const membershipsChanged = before.map(key).sort().join('\n') !== memberships.map(key).sort().join('\n');
  if (membershipsChanged) {
    ctx.repos.mediators.replaceMemberships(
      row.id,
      memberships.map((m) => ({
        id: randomUUID(),
        originOfficeId: ctx.office.id,
        version: 1,
        createdAt: now,
        updatedAt: now,
        deletedAt: null,
        mediatorId: row.id,
        ...m,
      })),
      now,
    );
  }

  ctx.audit.target = row.id;
  if (existing) {
    const changed = changedFields(existing, row);
    if (membershipsChanged) changed.push('所属调委会');
    ctx.audit.detail = `修改调解员：${row.name}（${changed.length ? `修改了${changed.join('、')}` : '无变化'}）`;
  } else {
    ctx.audit.detail = `新增调解员：${row.name}（${mediatorKindLabels[input.kind]}，${employmentLabels[input.employment]}${
      memberships.length
        ? `，${memberships.map((m) => organisations.get(m.organisationId)!.name).join('、')}`
        : ''
    }）`;
  }
  return mediatorDto(ctx, row.id);
}

export async function addTraining(ctx: ServiceContext, input: TrainingInput): Promise<MediatorDto> {
  const mediator = mustFind(ctx, input.mediatorId);
  const date = requireRealDate(input.date, ['date'], '培训日期')!;
  const day = today(ctx.clock);
  if (date > day) throw ValidationError.field(['date'], '培训日期', `不能晚于今天（${day}）`);
  const now = ctx.clock.now().toISOString();
  ctx.repos.mediators.addTraining({
    id: randomUUID(),
    originOfficeId: ctx.office.id,
    version: 1,
    createdAt: now,
    updatedAt: now,
    deletedAt: null,
    mediatorId: mediator.id,
    date,
    days: input.days,
    kind: input.kind,
    topic: input.topic,
  });
  ctx.audit.detail = `${mediator.name}：${trainingKindLabels[input.kind]}${input.days}天（${date}，${input.topic}）`;
  return mediatorDto(ctx, mediator.id);
}

/** The full number, for the person who needs it; every look is audited. */
export function revealMediatorIdNumber(ctx: ServiceContext, input: { id: string }): { idNumber: string } {
  const mediator = mustFind(ctx, input.id);
  if (!mediator.idNumber) throw new NotFoundError(`调解员“${mediator.name}”未登记身份证号码`);
  ctx.audit.detail = `查看调解员“${mediator.name}”的完整身份证号码`;
  return { idNumber: mediator.idNumber };
}

function overlaps(
  a: { fromOn: string | null; toOn: string | null },
  b: { fromOn: string | null; toOn: string | null },
): boolean {
  return (
    (a.fromOn ?? '0000-00-00') <= (b.toOn ?? '9999-99-99') &&
    (b.fromOn ?? '0000-00-00') <= (a.toOn ?? '9999-99-99')
  );
}

function sexOf(idNumber: string): Sex {
  return (idNumber.charCodeAt(16) - 48) % 2 === 1 ? 'male' : 'female';
}

function birthDateOf(idNumber: string): string {
  return `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`;
}

const fieldLabels: [keyof MediatorRow, string][] = [
  ['kind', '人员类别'],
  ['name', '姓名'],
  ['sex', '性别'],
  ['ethnicity', '民族'],
  ['idNumber', '身份证号码'],
  ['phone', '联系电话'],
  ['employment', '专兼职'],
  ['certificateNumber', '证书编号'],
  ['grade', '等级'],
  ['specialties', '擅长纠纷类型'],
  ['householdMembers', '家庭成员'],
  ['villageGroup', '所在村民小组'],
  ['employer', '工作单位'],
  ['employerCreditCode', '工作单位统一社会信用代码'],
  ['userId', '关联登录账户'],
  ['active', '在册状态'],
];

/** Labels only: the audit names what changed, never an ID number. */
function changedFields(before: MediatorRow, after: MediatorRow): string[] {
  return fieldLabels.filter(([key]) => before[key] !== after[key]).map(([, label]) => label);
}
