import type { MediatorRow } from '../../../db';
import {
  employmentLabels,
  mediatorKindLabels,
  trainingKindLabels,
  type ChannelParsedInput,
  type MediatorDto,
} from '../../contract';
import type { ServiceContext } from '../context';
import { today } from '../dates';
import { NotFoundError, ValidationError } from '../errors';
import { mediatorDto, rosterData, toMediatorDto } from './mediatorDto';
import { newRecord } from '../newRecord';
import { editConflict, writeMediator, writeMemberships } from './mediatorRecords';
import { checkMediator, type SaveInput } from './mediatorValidation';
import { requireRealDate } from './organisations';

// The mediator roster: 人民调解员, 信息员 and 志愿者, their committee memberships, training log and
// the ties the conflict check (回避) compares (household members, village group, employer).
// This file is the service's entry points and what each writes to the audit log; the checks,
// the DTOs and the storage live in mediatorValidation, mediatorDto and mediatorRecords.

type TrainingInput = ChannelParsedInput<'mediators:addTraining'>;

export async function listMediators(
  ctx: ServiceContext,
  input: { includeInactive: boolean },
): Promise<MediatorDto[]> {
  const rows = ctx.repos.mediators.list(input.includeInactive);
  const data = await rosterData(ctx);
  return rows.map((row) => toMediatorDto(row, data));
}

function mustFind(ctx: ServiceContext, id: string): MediatorRow {
  const row = ctx.repos.mediators.byId(id);
  if (!row) throw new NotFoundError('找不到该调解员，可能已被删除，请刷新后重试');
  ctx.audit.target = row.id;
  return row;
}

export async function saveMediator(ctx: ServiceContext, input: SaveInput): Promise<MediatorDto> {
  const day = today(ctx.clock);
  const existing = input.id ? mustFind(ctx, input.id) : undefined;
  if (existing) {
    if (input.version === undefined)
      throw ValidationError.field(['version'], '版本', '修改时须提供版本号，请刷新后重试');
    if (input.version !== existing.version) throw editConflict(existing);
  }
  const roster = ctx.repos.mediators.list(true).filter((m) => m.id !== existing?.id);
  const checked = await checkMediator(ctx, input, existing, roster, day);

  const now = ctx.clock.now().toISOString();
  const row = writeMediator(
    ctx,
    existing,
    {
      kind: input.kind,
      name: input.name,
      sex: checked.sex,
      ethnicity: input.ethnicity ?? null,
      idNumber: checked.idNumber,
      phone: input.phone ?? null,
      employment: input.employment,
      certificateNumber: input.certificateNumber ?? null,
      grade: input.grade,
      specialties: JSON.stringify(checked.specialties),
      householdMembers: JSON.stringify(checked.household),
      villageGroup: input.villageGroup ?? null,
      employer: input.employer ?? null,
      employerCreditCode: checked.employerCreditCode,
      // Linked to a sign-in account in 用户管理 (users:create / users:update), not here.
      userId: existing?.userId ?? null,
      active: input.active,
    },
    now,
  );
  const membershipsChanged = writeMemberships(ctx, row.id, !existing, checked.memberships, now);

  ctx.audit.target = row.id;
  if (existing) {
    const changed = changedFields(existing, row);
    if (membershipsChanged) changed.push('所属调委会');
    ctx.audit.detail = `修改调解员：${row.name}（${changed.length ? `修改了${changed.join('、')}` : '无变化'}）`;
  } else {
    const committees = checked.memberships.map((m) => checked.organisations.get(m.organisationId)!.name);
    ctx.audit.detail = `新增调解员：${row.name}（${mediatorKindLabels[input.kind]}，${employmentLabels[input.employment]}${
      committees.length ? `，${committees.join('、')}` : ''
    }）`;
  }
  return mediatorDto(ctx, row.id);
}

export async function addTraining(ctx: ServiceContext, input: TrainingInput): Promise<MediatorDto> {
  const mediator = mustFind(ctx, input.mediatorId);
  const date = requireRealDate(input.date, ['date'], '培训日期')!;
  const day = today(ctx.clock);
  if (date > day) throw ValidationError.field(['date'], '培训日期', `不能晚于今天（${day}）`);
  ctx.repos.mediators.addTraining({
    ...newRecord(ctx, ctx.clock.now().toISOString()),
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
