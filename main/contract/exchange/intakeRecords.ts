import { z } from 'zod';
import { refusalReasons } from '../schemas/catalog';
import { referralRoutes } from '../schemas/dispatch';
import { recordFamily, recordSchema } from './columns';

// What the intake desk records beside the cases (issue 14): a 不予受理 record (a visitor whose
// dispute the desk did not accept, with what they were told) belongs to the organisation whose
// desk recorded it and goes from the office that recorded it, for that township's committees;
// a case link (关联案件: a repeat dispute linked at intake) goes with its case, and only when the
// peer holds the related case too. They come after the case records in a package (a link refers
// to two cases).

export const intakeTableColumns = {
  intake_refusals: {
    receivedOn: 'text',
    applicantName: 'text',
    applicantPhone: 'text?',
    otherPartyName: 'text?',
    township: 'text',
    disputeType: 'text',
    summary: 'text',
    reason: 'text',
    reasonDetail: 'text?',
    told: 'text',
    routes: 'text',
    recordedBy: 'text',
    recordedByName: 'text',
    organisationId: 'uuid',
  },
  case_links: {
    caseId: 'uuid',
    relatedCaseId: 'uuid',
    note: 'text?',
  },
} as const;

export type IntakeTable = keyof typeof intakeTableColumns;

export const intakeTableLabels: Record<IntakeTable, string> = {
  intake_refusals: '不予受理登记',
  case_links: '关联案件',
};

const fieldNames: Record<string, string> = {
  receivedOn: '来访日期',
  applicantName: '来访人姓名',
  applicantPhone: '来访人电话',
  otherPartyName: '对方当事人',
  township: '乡镇',
  disputeType: '纠纷类型',
  summary: '纠纷简要情况',
  reason: '不予受理理由',
  reasonDetail: '具体说明',
  told: '告知当事人的内容',
  routes: '可以选择的其他途径',
  recordedBy: '登记人账号',
  recordedByName: '登记人',
  organisationId: '调解组织',
  caseId: '所属案件',
  relatedCaseId: '关联的案件',
  note: '说明',
};

/** The routes as stored: a JSON array of referral route codes, each once. */
const routesJson = z.string().refine((text) => {
  try {
    const routes: unknown = JSON.parse(text);
    return (
      Array.isArray(routes) &&
      routes.every((r) => (referralRoutes as readonly unknown[]).includes(r)) &&
      new Set(routes).size === routes.length
    );
  } catch {
    return false;
  }
}, '可以选择的其他途径格式不正确');

// The register shows the reason and the routes by their codes: a record holds only known ones.
const refusalRecord = recordSchema(intakeTableColumns.intake_refusals).extend({
  reason: z.enum(refusalReasons, { error: '不予受理理由不正确' }),
  routes: routesJson,
});

const family = recordFamily(intakeTableColumns, fieldNames, { intake_refusals: refusalRecord });
/** In the order a package carries them. */
export const intakeTables = family.tables;
export const intakeLines = family.lines;
export const intakeFieldLabels = family.fieldLabels;
