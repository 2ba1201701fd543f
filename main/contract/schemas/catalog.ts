import { z } from 'zod';
import { id, text } from './common';
import { textRule } from './freeText';

// Fixed vocabularies of the intake desk, with their Chinese labels (domain.md §4). Dispute
// types, villages and committees are data (editable by 管理员) and come from catalog:get.

export const caseSources = [
  'party_application',
  'proactive',
  'court_delegated',
  'court_entrusted',
  'police_referral',
  'petition_referral',
  'government_referral',
  'hotline_12345',
  'other',
] as const;
export type CaseSource = (typeof caseSources)[number];
export const caseSourceLabels: Record<CaseSource, string> = {
  party_application: '当事人申请',
  proactive: '主动调解',
  court_delegated: '法院委派（诉前）',
  court_entrusted: '法院委托（诉中）',
  police_referral: '公安移送',
  petition_referral: '信访转办',
  government_referral: '政府部门移交',
  hotline_12345: '12345热线转办',
  other: '其他',
};

export const courtProcedures = ['ordinary', 'summary'] as const;
export const courtProcedureLabels: Record<(typeof courtProcedures)[number], string> = {
  ordinary: '普通程序',
  summary: '简易程序',
};

export const partyRoles = ['applicant', 'respondent', 'third_party'] as const;
export type PartyRole = (typeof partyRoles)[number];
export const partyRoleLabels: Record<PartyRole, string> = {
  applicant: '申请人',
  respondent: '被申请人',
  third_party: '第三人',
};

export const idTypes = [
  'resident_id',
  'hk_macao_permit',
  'taiwan_permit',
  'passport',
  'foreign_permanent',
  'other',
] as const;
export type IdType = (typeof idTypes)[number];
export const idTypeLabels: Record<IdType, string> = {
  resident_id: '居民身份证',
  hk_macao_permit: '港澳居民来往内地通行证',
  taiwan_permit: '台湾居民来往大陆通行证',
  passport: '护照',
  foreign_permanent: '外国人永久居留身份证',
  other: '其他证件',
};

export const sexes = ['male', 'female'] as const;
export type Sex = (typeof sexes)[number];
export const sexLabels: Record<Sex, string> = { male: '男', female: '女' };

export const agentAuthorities = ['general', 'special'] as const;
export const agentAuthorityLabels: Record<(typeof agentAuthorities)[number], string> = {
  general: '一般授权',
  special: '特别授权',
};

export const riskLevels = ['normal', 'elevated', 'major'] as const;
export type RiskLevel = (typeof riskLevels)[number];
export const riskLevelLabels: Record<RiskLevel, string> = { normal: '一般', elevated: '较大', major: '重大' };

export const riskFlags = ['criminal', 'mass', 'petition', 'violence', 'vulnerable'] as const;
export type RiskFlag = (typeof riskFlags)[number];
export const riskFlagLabels: Record<RiskFlag, string> = {
  criminal: '可能民转刑',
  mass: '群体性',
  petition: '可能越级上访',
  violence: '有暴力倾向',
  vulnerable: '涉及老幼病残孕',
};

export const caseStatuses = [
  'accepted',
  'dispatched',
  'mediating',
  'succeeded',
  'performing',
  'visited',
  'closed',
  'terminated',
  'informed',
  'transferred',
  'voided',
  'archived',
] as const;
export type CaseStatus = (typeof caseStatuses)[number];
export const caseStatusLabels: Record<CaseStatus, string> = {
  accepted: '已受理',
  dispatched: '已分流',
  mediating: '调解中',
  succeeded: '调解成功',
  performing: '履行中',
  visited: '已回访',
  closed: '已结案',
  terminated: '调解终止',
  informed: '已告知其他途径',
  transferred: '已转出',
  voided: '已作废',
  archived: '已归档',
};
/** Cases still being worked on: what repeat detection treats as "open". */
export const openCaseStatuses: readonly CaseStatus[] = [
  'accepted',
  'dispatched',
  'mediating',
  'succeeded',
  'performing',
];

export const refusalReasons = ['party_refused', 'already_accepted', 'not_civil', 'other'] as const;
export type RefusalReason = (typeof refusalReasons)[number];
export const refusalReasonLabels: Record<RefusalReason, string> = {
  party_refused: '当事人一方明确拒绝调解',
  already_accepted: '已由人民法院、公安机关或其他行政机关受理或处理',
  not_civil: '不属于民间纠纷',
  other: '其他',
};

/** The 56 ethnic groups, 汉族 and 回族 first (Ningxia). */
export const ethnicities = [
  '汉族',
  '回族',
  '蒙古族',
  '藏族',
  '维吾尔族',
  '苗族',
  '彝族',
  '壮族',
  '布依族',
  '朝鲜族',
  '满族',
  '侗族',
  '瑶族',
  '白族',
  '土家族',
  '哈尼族',
  '哈萨克族',
  '傣族',
  '黎族',
  '傈僳族',
  '佤族',
  '畲族',
  '高山族',
  '拉祜族',
  '水族',
  '东乡族',
  '纳西族',
  '景颇族',
  '柯尔克孜族',
  '土族',
  '达斡尔族',
  '仫佬族',
  '羌族',
  '布朗族',
  '撒拉族',
  '毛南族',
  '仡佬族',
  '锡伯族',
  '阿昌族',
  '普米族',
  '塔吉克族',
  '怒族',
  '乌孜别克族',
  '俄罗斯族',
  '鄂温克族',
  '德昂族',
  '保安族',
  '裕固族',
  '京族',
  '塔塔尔族',
  '独龙族',
  '鄂伦春族',
  '赫哲族',
  '门巴族',
  '珞巴族',
  '基诺族',
] as const;

export const organisationKinds = [
  'county_center',
  'township',
  'sector',
  'village',
  'unit',
  'room',
  'stationed',
  'other',
] as const;
export type OrganisationKind = (typeof organisationKinds)[number];
export const organisationKindLabels: Record<OrganisationKind, string> = {
  county_center: '县人民调解中心',
  township: '乡镇人民调解委员会',
  sector: '行业性专业性人民调解委员会',
  village: '村（居）人民调解委员会',
  unit: '企事业单位人民调解委员会',
  room: '金牌调解室／个人调解室',
  stationed: '派驻调解室',
  other: '其他调解组织',
};

export const disputeTypeDto = z.object({
  code: z.string(),
  name: z.string(),
  /** Local sub-types (商会, 信访…) report under an official type. */
  officialCode: z.string().nullable(),
  active: z.boolean(),
});
export type DisputeTypeDto = z.infer<typeof disputeTypeDto>;

export const villageDto = z.object({
  id,
  township: z.string(),
  name: z.string(),
  active: z.boolean(),
  /** 统计用区划代码 (12 digits); null for a village the office added without one. */
  code: z.string().nullable(),
});
export type VillageDto = z.infer<typeof villageDto>;

export const committeeDto = z.object({
  id,
  name: z.string(),
  kind: z.enum(organisationKinds),
  abbreviation: z.string(),
  caseNumberPattern: z.string(),
  township: z.string().nullable(),
  parentId: z.string().nullable(),
  active: z.boolean(),
});
export type CommitteeDto = z.infer<typeof committeeDto>;

export const catalogDto = z.object({
  townships: z.array(z.string()),
  villages: z.array(villageDto),
  disputeTypes: z.array(disputeTypeDto),
  committees: z.array(committeeDto),
  /** This installation's own committee. */
  ownCommitteeId: z.string(),
  /**
   * The committees this user may register a case into (their scope), their own organisations
   * first: the first is the default receiving committee.
   */
  intakeCommitteeIds: z.array(z.string()),
});
export type CatalogDto = z.infer<typeof catalogDto>;

export const saveDisputeTypeInput = z.strictObject({
  code: z
    .string()
    .regex(/^[a-z][a-z0-9_]{1,39}$/, '类型代码只能用小写字母、数字和下划线，2–40位')
    .check(textRule('类型代码'))
    .describe('类型代码'),
  name: text('类型名称', 20, 2),
  officialCode: z.string().max(40).check(textRule('对应统计类型')).nullable().describe('对应统计类型'),
  active: z.boolean().describe('启用'),
});

export const saveVillageInput = z.strictObject({
  id: id.optional(),
  township: text('乡镇', 20, 2),
  name: text('村（社区）名称', 30, 2),
  active: z.boolean().default(true).describe('启用'),
  /** Left out on a rename or (de)activation: the code on record stays. */
  code: z
    .preprocess(
      (v) => (v === '' || v === null ? undefined : v),
      z
        .string()
        .check(textRule('统计用区划代码'))
        .trim()
        .regex(/^\d{12}$/, '统计用区划代码为12位数字，如 640221104201')
        .optional(),
    )
    .describe('统计用区划代码'),
});
