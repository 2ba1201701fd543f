import { z } from 'zod';
import { disputeTypeDto, organisationKinds } from './catalog';
import { id, isoDateTime, text } from './common';
import { phoneField } from './parties';
import { calendarDate } from './dates';
import { textRule } from './freeText';
import { compositionNote } from '../rules/composition';

// The organisation tree (county center, sector committees, townships, villages, units, rooms,
// stationed rooms) and the mediator roster.

export const organisationDto = z.object({
  id,
  name: z.string(),
  kind: z.enum(organisationKinds),
  parentId: z.string().nullable(),
  abbreviation: z.string(),
  caseNumberPattern: z.string(),
  township: z.string().nullable(),
  address: z.string().nullable(),
  sealText: z.string().nullable(),
  activeFrom: z.string().nullable(),
  activeTo: z.string().nullable(),
  /** Dispute types a sector committee specialises in (drives dispatch suggestions). */
  specialties: z.array(z.string()),
  version: z.number().int(),
});
export type OrganisationDto = z.infer<typeof organisationDto>;

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

export const saveOrganisationInput = z.strictObject({
  id: id.optional(),
  version: z.number().int().min(1).optional().describe('版本'),
  name: text('组织名称', 60, 4),
  kind: z.enum(organisationKinds, { error: '请选择组织类型' }).describe('组织类型'),
  parentId: id.nullable().describe('上级组织'),
  abbreviation: text('案号简称', 8, 1),
  caseNumberPattern: text('案号格式', 40, 6),
  township: optional(text('所在乡镇', 20)).describe('所在乡镇'),
  address: optional(text('地址', 120)).describe('地址'),
  sealText: optional(text('印章文字', 60, 4)).describe('印章文字'),
  activeFrom: optional(calendarDate('成立日期')).describe('成立日期'),
  activeTo: optional(calendarDate('撤销日期')).describe('撤销日期'),
  specialties: z
    .array(z.string().max(40).check(textRule('专业领域')))
    .max(40)
    .default([])
    .describe('专业领域'),
});
export type SaveOrganisationInput = z.input<typeof saveOrganisationInput>;

export const mediatorKinds = ['mediator', 'info_officer', 'volunteer'] as const;
export const mediatorKindLabels: Record<(typeof mediatorKinds)[number], string> = {
  mediator: '人民调解员',
  info_officer: '纠纷信息员',
  volunteer: '志愿者',
};
export const employmentKinds = ['full_time', 'part_time'] as const;
export const employmentLabels: Record<(typeof employmentKinds)[number], string> = {
  full_time: '专职',
  part_time: '兼职',
};
export const mediatorGrades = ['chief', 'first', 'second', 'third', 'none'] as const;
export const mediatorGradeLabels: Record<(typeof mediatorGrades)[number], string> = {
  chief: '首席调解员',
  first: '一级调解员',
  second: '二级调解员',
  third: '三级调解员',
  none: '未定级',
};
export const trainingKinds = ['initial', 'continuing'] as const;
export const trainingKindLabels: Record<(typeof trainingKinds)[number], string> = {
  initial: '岗前培训',
  continuing: '年度培训',
};
/** Annual targets shown against each mediator's training days (local practice, configurable later). */
export const trainingTargets = { initial: 5, continuing: 10 } as const;

export const householdMember = z.strictObject({
  name: text('家庭成员姓名', 40, 1),
  relation: text('关系', 10, 1),
  idNumber: optional(text('证件号码', 40)).describe('证件号码'),
});

export const membershipInput = z.strictObject({
  organisationId: id.describe('所属组织'),
  position: text('职务', 20, 1),
  from: optional(calendarDate('任职起')).describe('任职起'),
  to: optional(calendarDate('任职止')).describe('任职止'),
});

export const saveMediatorInput = z.strictObject({
  id: id.optional(),
  version: z.number().int().min(1).optional(),
  kind: z.enum(mediatorKinds).default('mediator').describe('人员类别'),
  name: text('姓名', 40, 1),
  sex: z.enum(['male', 'female']).optional().describe('性别'),
  ethnicity: optional(text('民族', 10)).describe('民族'),
  idNumber: optional(text('身份证号码', 40)).describe('身份证号码'),
  // phoneField's own label sits inside its preprocess pipe, where fieldLabel() does not look.
  phone: phoneField.describe('联系电话'),
  employment: z.enum(employmentKinds).default('part_time').describe('专兼职'),
  certificateNumber: optional(text('证书编号', 40)).describe('证书编号'),
  grade: z.enum(mediatorGrades).default('none').describe('等级'),
  specialties: z
    .array(z.string().max(40).check(textRule('擅长纠纷类型')))
    .max(40)
    .default([])
    .describe('擅长纠纷类型'),
  /** Ties a conflict check (回避) needs. */
  householdMembers: z.array(householdMember).max(20).default([]).describe('家庭成员'),
  villageGroup: optional(text('所在村民小组', 40)).describe('所在村民小组'),
  employer: optional(text('工作单位', 80)).describe('工作单位'),
  employerCreditCode: optional(text('工作单位统一社会信用代码', 30)).describe('工作单位统一社会信用代码'),
  memberships: z.array(membershipInput).max(10).default([]).describe('所属调委会'),
  active: z.boolean().default(true).describe('在册'),
});
export type SaveMediatorInput = z.input<typeof saveMediatorInput>;

export const trainingDto = z.object({
  id,
  date: z.string(),
  days: z.number(),
  kind: z.enum(trainingKinds),
  topic: z.string(),
});

export const mediatorDto = z.object({
  id,
  version: z.number().int(),
  kind: z.enum(mediatorKinds),
  name: z.string(),
  sex: z.enum(['male', 'female']).nullable(),
  ethnicity: z.string().nullable(),
  idNumberMasked: z.string().nullable(),
  phone: z.string().nullable(),
  employment: z.enum(employmentKinds),
  certificateNumber: z.string().nullable(),
  grade: z.enum(mediatorGrades),
  specialties: z.array(z.string()),
  householdMembers: z.array(
    z.object({ name: z.string(), relation: z.string(), idNumberMasked: z.string().nullable() }),
  ),
  villageGroup: z.string().nullable(),
  employer: z.string().nullable(),
  employerCreditCode: z.string().nullable(),
  userId: z.string().nullable(),
  memberships: z.array(
    z.object({
      organisationId: id,
      organisationName: z.string(),
      position: z.string(),
      from: z.string().nullable(),
      to: z.string().nullable(),
    }),
  ),
  active: z.boolean(),
  /** Training days this year, by kind, for the target display. */
  trainingDaysThisYear: z.object({ initial: z.number(), continuing: z.number() }),
  trainings: z.array(trainingDto),
  openCases: z.number().int(),
  updatedAt: isoDateTime,
});
export type MediatorDto = z.infer<typeof mediatorDto>;

export const addTrainingInput = z.strictObject({
  mediatorId: id,
  date: calendarDate('培训日期', { notFuture: true }),
  days: z
    .number({ error: '培训天数须为数字' })
    .min(0.5, '培训天数至少半天')
    .max(60, '单次培训不超过60天')
    .describe('培训天数'),
  kind: z.enum(trainingKinds, { error: '请选择培训类别' }).describe('培训类别'),
  topic: text('培训内容', 100, 2),
});

export const orgTreeDto = z.object({
  organisations: z.array(organisationDto),
  disputeTypes: z.array(disputeTypeDto),
  /** Composition warnings per committee id, as the service computes them (rules/composition.ts). */
  composition: z.record(z.string(), z.array(compositionNote)),
});
