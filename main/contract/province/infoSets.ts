import { z } from 'zod';
import { caseSourceLabels, organisationKindLabels, partyRoleLabels } from '../schemas/catalog';
import { confirmationOutcomeLabels, performanceStatusLabels, satisfactionLabels } from '../schemas/mediation';
import {
  employmentLabels,
  mediatorGradeLabels,
  mediatorKindLabels,
  trainingKindLabels,
} from '../schemas/organisations';
import { findingDispositionLabels, findingKindLabels, screeningMethodLabels } from '../schemas/screening';
import {
  agreementKindCodes,
  caseResultCodes,
  disputeTypeCodes,
  ethnicityCodes,
  idTypeCodes,
  sexCodes,
} from './codes';

// The four info-sets (信息集) of the provincial data package, version 1. These zod schemas are
// the published schema: scripts/province-schema.ts generates resources/province/schema/v1/*.json
// and the field dictionary from them, and a test fails when the committed files differ. Every
// field carries its Chinese title, its meaning and, where it has one, its code table; personal
// fields say which kind they are, so the mapping decides whether they leave in full or masked.

export const PROVINCE_SCHEMA_VERSION = 'v1';

/** Every code table a field may name, as { code: label }. */
export const codeTables = {
  sex: { title: '性别代码（GB/T 2261.1-2003）', codes: sexCodes },
  ethnicity: { title: '民族代码（GB 3304-1991）', codes: ethnicityCodes },
  idType: { title: '证件类型代码（常用证件代码）', codes: idTypeCodes },
  disputeType: { title: '纠纷类型代码（全国统计18类）', codes: disputeTypeCodes },
  organisationKind: { title: '调解组织类别', codes: organisationKindLabels },
  mediatorKind: { title: '人员类别', codes: mediatorKindLabels },
  employment: { title: '专兼职', codes: employmentLabels },
  mediatorGrade: { title: '调解员等级', codes: mediatorGradeLabels },
  trainingKind: { title: '培训类别', codes: trainingKindLabels },
  screeningMethod: { title: '排查方式', codes: screeningMethodLabels },
  findingKind: { title: '排查发现类别', codes: findingKindLabels },
  findingDisposition: { title: '排查发现处置', codes: findingDispositionLabels },
  caseSource: { title: '案件来源', codes: caseSourceLabels },
  partyRole: { title: '当事人地位', codes: partyRoleLabels },
  caseResult: { title: '调解结果', codes: caseResultCodes },
  agreementKind: { title: '协议形式', codes: agreementKindCodes },
  performance: { title: '履行情况', codes: performanceStatusLabels },
  satisfaction: { title: '满意度', codes: satisfactionLabels },
  confirmationOutcome: { title: '司法确认结果', codes: confirmationOutcomeLabels },
} as const;
export type CodeTableName = keyof typeof codeTables;

/** Personal data: exported in full only where the mapping says so, else masked like the screens. */
export type PersonalKind = 'idNumber' | 'phone';

interface FieldMeta {
  title: string;
  description: string;
  /** A table of codeTables, or 'division' (the county's division codes, published beside them). */
  codeTable?: CodeTableName | 'division';
  personal?: PersonalKind;
}

function field<T extends z.ZodType>(schema: T, meta: FieldMeta): T {
  return schema.meta({
    title: meta.title,
    description: meta.description,
    ...(meta.codeTable ? { 'x-codeTable': meta.codeTable } : {}),
    ...(meta.personal ? { 'x-personal': meta.personal } : {}),
  });
}

function coded(table: CodeTableName, title: string, description: string) {
  const codes = Object.keys(codeTables[table].codes) as [string, ...string[]];
  return field(z.enum(codes), { title, description, codeTable: table });
}

const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const instant = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/);
const division = z.string().regex(/^\d{12}$/);
const text = (max: number) => z.string().min(1).max(max);
const fen = z.number().int().min(0);

const idOf = (what: string) =>
  field(uuid, { title: `${what}标识`, description: `${what}在本系统中的唯一标识（UUID），不随修改改变` });
const updatedAt = field(instant, {
  title: '最后修改时间',
  description: '记录最后一次修改的时间（UTC，ISO 8601）',
});

export const organisationRecord = z
  .strictObject({
    id: idOf('调解组织'),
    name: field(text(60), { title: '组织名称', description: '人民调解组织的全称' }),
    kind: coded('organisationKind', '组织类别', '县调解中心、乡镇、行业性专业性、村（居）等'),
    parentId: field(uuid.nullable(), {
      title: '上级组织标识',
      description: '组织树中的上级组织；县调解中心为空',
    }),
    abbreviation: field(text(10), { title: '简称', description: '编案号用的简称' }),
    divisionCode: field(division, {
      title: '所在地区划代码',
      description: '统计用区划代码（12位）：乡镇或平罗县',
      codeTable: 'division',
    }),
    address: field(z.string().max(100).nullable(), { title: '办公地址', description: '组织的办公地址' }),
    activeFrom: field(day.nullable(), { title: '成立日期', description: '组织成立（启用）日期' }),
    activeTo: field(day.nullable(), { title: '撤销日期', description: '组织撤销（停用）日期；仍在运行为空' }),
    members: field(
      z.array(
        z.strictObject({
          mediatorId: idOf('调解员'),
          name: field(text(40), { title: '姓名', description: '成员姓名' }),
          position: field(text(20), { title: '职务', description: '在本组织的职务，如主任、委员、调解员' }),
          from: field(day.nullable(), { title: '任职起', description: '任职开始日期' }),
          to: field(day.nullable(), { title: '任职止', description: '任职结束日期；在任为空' }),
        }),
      ),
      { title: '组成人员', description: '本组织的调解员及其职务' },
    ),
    updatedAt,
  })
  .meta({ title: '人民调解组织', description: '人民调解组织信息集：组织树、类别、地址与组成人员' });

export const mediatorRecord = z
  .strictObject({
    id: idOf('调解员'),
    name: field(text(40), { title: '姓名', description: '调解员姓名' }),
    sex: field(z.enum(Object.keys(sexCodes) as [string, ...string[]]).nullable(), {
      title: '性别',
      description: '性别代码',
      codeTable: 'sex',
    }),
    ethnicity: field(z.enum(Object.keys(ethnicityCodes) as [string, ...string[]]).nullable(), {
      title: '民族',
      description: '民族代码',
      codeTable: 'ethnicity',
    }),
    idType: field(z.enum(Object.keys(idTypeCodes) as [string, ...string[]]).nullable(), {
      title: '证件类型',
      description: '身份证件类型代码；未登记证件为空',
      codeTable: 'idType',
    }),
    idNumber: field(z.string().max(40).nullable(), {
      title: '证件号码',
      description: '身份证件号码',
      personal: 'idNumber',
    }),
    phone: field(z.string().max(40).nullable(), {
      title: '联系电话',
      description: '手机或固定电话',
      personal: 'phone',
    }),
    kind: coded('mediatorKind', '人员类别', '人民调解员、纠纷信息员或志愿者'),
    employment: coded('employment', '专兼职', '专职或兼职'),
    grade: coded('mediatorGrade', '等级', '首席、一级至三级或未定级'),
    certificateNumber: field(z.string().max(40).nullable(), {
      title: '证书编号',
      description: '人民调解员证（聘书）编号',
    }),
    active: field(z.boolean(), { title: '是否在册', description: '仍在名册中为 true' }),
    organisations: field(
      z.array(
        z.strictObject({
          organisationId: idOf('调解组织'),
          position: field(text(20), { title: '职务', description: '在该组织的职务' }),
          from: field(day.nullable(), { title: '任职起', description: '任职开始日期' }),
          to: field(day.nullable(), { title: '任职止', description: '任职结束日期；在任为空' }),
        }),
      ),
      { title: '所属组织', description: '调解员所在的调解组织及职务' },
    ),
    trainings: field(
      z.array(
        z.strictObject({
          date: field(day, { title: '培训日期', description: '培训开始日期' }),
          days: field(z.number().min(0), { title: '天数', description: '培训天数（可有半天）' }),
          kind: coded('trainingKind', '培训类别', '岗前培训或年度培训'),
          topic: field(text(100), { title: '培训内容', description: '培训主题' }),
        }),
      ),
      { title: '培训记录', description: '调解员参加的培训' },
    ),
    updatedAt,
  })
  .meta({ title: '人民调解员', description: '人民调解员信息集：名册、所属组织、等级、证书与培训' });

export const screeningRecord = z
  .strictObject({
    id: idOf('排查'),
    organisationId: idOf('调解组织'),
    heldOn: field(day, { title: '排查日期', description: '开展排查的日期' }),
    method: coded('screeningMethod', '排查方式', '普遍、重点或集中排查'),
    area: field(text(100), { title: '排查范围', description: '排查的地域或对象范围' }),
    conductedBy: field(text(100), { title: '排查人员', description: '参加排查的人员' }),
    findings: field(
      z.array(
        z.strictObject({
          seq: field(z.number().int().min(1), { title: '序号', description: '本次排查内的序号' }),
          kind: coded('findingKind', '类别', '矛盾纠纷或风险隐患'),
          summary: field(text(2000), { title: '简要情况', description: '排查到的情况' }),
          disposition: coded('findingDisposition', '处置', '登记为案件、关联案件、已化解或持续关注'),
          caseNumber: field(z.string().max(60).nullable(), {
            title: '关联案号',
            description: '登记或关联的案件编号',
          }),
          note: field(z.string().max(2000).nullable(), {
            title: '处理情况',
            description: '化解经过或关注措施',
          }),
        }),
      ),
      { title: '排查发现', description: '本次排查发现的矛盾纠纷和风险隐患；未发现为空数组' },
    ),
    updatedAt,
  })
  .meta({ title: '矛盾纠纷排查', description: '矛盾纠纷排查信息集：每次排查及其发现' });

const party = z.strictObject({
  role: coded('partyRole', '当事人地位', '申请人、被申请人或第三人'),
  kind: field(z.enum(['person', 'organisation']), {
    title: '当事人类型',
    description: 'person 自然人；organisation 法人或其他组织',
  }),
  name: field(text(100), { title: '姓名（名称）', description: '自然人姓名或组织名称' }),
  sex: field(z.enum(Object.keys(sexCodes) as [string, ...string[]]).nullable(), {
    title: '性别',
    description: '性别代码；组织为空',
    codeTable: 'sex',
  }),
  ethnicity: field(z.enum(Object.keys(ethnicityCodes) as [string, ...string[]]).nullable(), {
    title: '民族',
    description: '民族代码',
    codeTable: 'ethnicity',
  }),
  birthDate: field(day.nullable(), { title: '出生日期', description: '自然人出生日期' }),
  idType: field(z.enum(Object.keys(idTypeCodes) as [string, ...string[]]).nullable(), {
    title: '证件类型',
    description: '证件类型代码',
    codeTable: 'idType',
  }),
  idNumber: field(z.string().max(40).nullable(), {
    title: '证件号码',
    description: '身份证件号码',
    personal: 'idNumber',
  }),
  creditCode: field(z.string().max(18).nullable(), {
    title: '统一社会信用代码',
    description: '组织当事人的统一社会信用代码',
  }),
  phone: field(z.string().max(40).nullable(), {
    title: '联系电话',
    description: '手机或固定电话',
    personal: 'phone',
  }),
  address: field(z.string().max(200).nullable(), { title: '住址', description: '住所地或经常居住地' }),
});

export const caseRecord = z
  .strictObject({
    id: idOf('案件'),
    caseNumber: field(text(60), { title: '案件编号', description: '受理登记的案号' }),
    committeeId: idOf('受理组织'),
    handlingCommitteeId: field(uuid.nullable(), {
      title: '承办组织标识',
      description: '实际承办调解的组织；尚未分流为空',
    }),
    source: coded('caseSource', '案件来源', '当事人申请、主动调解、法院委派等'),
    disputeType: coded('disputeType', '纠纷类型', '全国统计18类纠纷类型代码'),
    divisionCode: field(division, {
      title: '纠纷发生地区划代码',
      description: '村（社区）或乡镇的统计用区划代码',
      codeTable: 'division',
    }),
    receivedOn: field(day, { title: '受理日期', description: '受理登记日期' }),
    summary: field(text(4000), { title: '纠纷简要情况', description: '受理登记时记录的纠纷情况' }),
    amountFen: field(fen.nullable(), { title: '涉及金额（分）', description: '纠纷涉及金额，以分为单位' }),
    parties: field(z.array(party).min(1), { title: '当事人', description: '案件的全部当事人' }),
    mediators: field(
      z.array(
        z.strictObject({
          mediatorId: idOf('调解员'),
          name: field(text(40), { title: '姓名', description: '调解员姓名' }),
          lead: field(z.boolean(), { title: '主调解员', description: '主持调解的调解员为 true' }),
        }),
      ),
      { title: '调解员', description: '承办本案的调解员' },
    ),
    result: coded('caseResult', '调解结果', '调解中、成功、不成功或转出'),
    closedOn: field(day.nullable(), { title: '结案日期', description: '结案日期；已结案的案件须已立卷' }),
    terminatedOn: field(day.nullable(), { title: '终止日期', description: '调解终止的日期' }),
    terminationReason: field(z.string().max(500).nullable(), {
      title: '终止原因',
      description: '调解不成功时终止调解的原因',
    }),
    agreement: field(
      z
        .strictObject({
          kind: coded('agreementKind', '协议形式', '书面或口头'),
          number: field(text(60), { title: '协议编号', description: '人民调解协议书编号' }),
          reachedOn: field(day, { title: '达成日期', description: '达成协议的日期' }),
          terms: field(text(4000), { title: '协议内容', description: '当事人达成的协议条款' }),
          amountFen: field(fen.nullable(), {
            title: '协议金额（分）',
            description: '协议涉及金额，以分为单位',
          }),
          performanceManner: field(z.string().max(200), { title: '履行方式', description: '协议的履行方式' }),
          performanceDeadline: field(day.nullable(), {
            title: '履行期限',
            description: '书面协议必须有履行期限',
          }),
        })
        .nullable(),
      { title: '调解协议', description: '调解成功时的协议；调解成功必须有协议' },
    ),
    performance: field(z.enum(Object.keys(performanceStatusLabels) as [string, ...string[]]).nullable(), {
      title: '履行情况',
      description: '最近一次回访记录的履行情况',
      codeTable: 'performance',
    }),
    judicialConfirmation: field(z.boolean(), {
      title: '申请司法确认',
      description: '已制作司法确认申请书或已登记法院处理结果为 true',
    }),
    judicialConfirmationResult: field(
      z
        .strictObject({
          outcome: coded('confirmationOutcome', '处理结果', '法院对司法确认申请的处理结果'),
          court: field(text(60), { title: '受理法院', description: '受理司法确认申请的人民法院' }),
          ruledOn: field(day, { title: '处理日期', description: '裁定、不予受理或撤回申请的日期' }),
          rulingNumber: field(text(40).nullable(), {
            title: '裁定书文号',
            description: '裁定确认有效或驳回申请时的裁定书文号；其他结果为空',
          }),
        })
        .nullable(),
      { title: '司法确认结果', description: '已登记法院处理结果时填写；尚无结果为空' },
    ),
    visits: field(
      z.array(
        z.strictObject({
          dueOn: field(day, { title: '应回访日期', description: '按规则应回访的日期' }),
          visitedOn: field(day.nullable(), { title: '回访日期', description: '实际回访日期；尚未回访为空' }),
          performance: field(
            z.enum(Object.keys(performanceStatusLabels) as [string, ...string[]]).nullable(),
            {
              title: '履行情况',
              description: '回访时的履行情况',
              codeTable: 'performance',
            },
          ),
          satisfaction: field(z.enum(Object.keys(satisfactionLabels) as [string, ...string[]]).nullable(), {
            title: '满意度',
            description: '当事人满意度',
            codeTable: 'satisfaction',
          }),
        }),
      ),
      { title: '回访', description: '协议履行回访记录' },
    ),
    archive: field(
      z
        .strictObject({
          volumeNumber: field(text(60), { title: '卷号', description: '卷宗编号' }),
          retention: field(text(10), { title: '保管期限', description: '永久、长期、短期或N年' }),
          filedOn: field(day, { title: '立卷日期', description: '立卷日期' }),
          archived: field(z.boolean(), { title: '已归档', description: '卷宗已归档为 true' }),
          pageCount: field(z.number().int().min(0).nullable(), {
            title: '页数',
            description: '归档卷宗PDF的页数；未归档为空',
          }),
        })
        .nullable(),
      { title: '档案信息', description: '卷宗的卷号与保管期限；尚未立卷为空' },
    ),
    updatedAt,
  })
  .meta({
    title: '人民调解案件',
    description: '人民调解案件信息集：当事人、来源、类型、调解员、结果、协议、履行、司法确认、回访与档案',
  });

export const infoSets = {
  organisations: { title: '人民调解组织', schema: organisationRecord },
  mediators: { title: '人民调解员', schema: mediatorRecord },
  screenings: { title: '矛盾纠纷排查', schema: screeningRecord },
  cases: { title: '人民调解案件', schema: caseRecord },
} as const;
export type InfoSetName = keyof typeof infoSets;
export const infoSetNames = Object.keys(infoSets) as InfoSetName[];

export type OrganisationRecord = z.output<typeof organisationRecord>;
export type MediatorRecord = z.output<typeof mediatorRecord>;
export type ScreeningRecord = z.output<typeof screeningRecord>;
export type CaseRecord = z.output<typeof caseRecord>;
export type InfoSetRecord = OrganisationRecord | MediatorRecord | ScreeningRecord | CaseRecord;
