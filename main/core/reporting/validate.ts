import { z } from 'zod';
import {
  infoSetNames,
  infoSets,
  type CaseRecord,
  type InfoSetName,
  type InfoSetRecord,
  type MediatorRecord,
} from '../../contract/province/infoSets';
import { checkIdNumber } from '../../contract/validation/idNumber';
import { compileCheck, type RecordCheck } from './schemaCheck';

// Validation before export: every record against its published schema and the business rules.
// A record with any problem is held back, with a message per problem saying what to fix and a
// link to the screen where it is fixed. No invalid record ever leaves the desk.

export interface RecordProblem {
  /** The field's Chinese name (path of titles), or '' for the record as a whole. */
  field: string;
  message: string;
}

export interface HeldRecord {
  infoSet: InfoSetName;
  recordId: string;
  /** What people call it: case number, name, round. */
  label: string;
  /** Where in the desk it is fixed (a route of the renderer). */
  link: string;
  problems: RecordProblem[];
}

export function labelOf(infoSet: InfoSetName, record: InfoSetRecord): string {
  switch (infoSet) {
    case 'cases':
      return (record as CaseRecord).caseNumber;
    case 'screenings': {
      const r = record as { heldOn: string; area: string };
      return `${r.heldOn} ${r.area}`;
    }
    default:
      return (record as { name: string }).name;
  }
}

export function linkOf(infoSet: InfoSetName, recordId: string): string {
  return {
    cases: `/cases/${recordId}`,
    mediators: '/mediators',
    organisations: '/organisations',
    screenings: '/screening',
  }[infoSet];
}

function titleAt(schema: z.ZodType, path: readonly PropertyKey[]): string {
  const titles: string[] = [];
  let node: z.ZodType | undefined = schema;
  for (const key of path) {
    while (node instanceof z.ZodNullable || node instanceof z.ZodOptional) node = node.unwrap() as z.ZodType;
    if (node instanceof z.ZodArray) {
      node = node.element as z.ZodType;
      if (typeof key === 'number') {
        titles[titles.length - 1] = `${titles.at(-1) ?? ''}第${key + 1}项`;
        continue;
      }
    }
    if (node instanceof z.ZodObject) {
      node = (node.shape as Record<string, z.ZodType>)[String(key)];
      const title = node?.meta()?.title;
      titles.push(typeof title === 'string' ? title : String(key));
    }
  }
  return titles.join('·');
}

function idProblems(
  who: string,
  idTypeCode: string | null,
  idNumber: string | null,
  today: string,
  field: string,
): RecordProblem[] {
  if (idTypeCode !== '111' || !idNumber) return [];
  const check = checkIdNumber(idNumber, today);
  return check.ok ? [] : [{ field, message: `${who}的身份证号码校验不通过：${check.message}` }];
}

function caseRules(record: CaseRecord, today: string): RecordProblem[] {
  const problems: RecordProblem[] = [];
  if (record.result === 'success' && !record.agreement) {
    problems.push({ field: '调解协议', message: '调解成功的案件没有调解协议：请在“办理进程”中录入调解协议' });
  }
  if (record.agreement?.kind === 'written' && !record.agreement.performanceDeadline) {
    problems.push({
      field: '调解协议·履行期限',
      message: '书面调解协议没有履行期限：请在调解协议中填写履行期限',
    });
  }
  // The archive data is part of what the province reviews online (调解案卷网上审核).
  if (record.closedOn && !record.archive) {
    problems.push({
      field: '档案信息',
      message: '已结案的案件尚未立卷：请在案件页的“卷宗”中立卷（卷号、保管期限）后再报送',
    });
  }
  record.parties.forEach((p, i) =>
    problems.push(
      ...idProblems(`当事人“${p.name}”`, p.idType, p.idNumber, today, `当事人第${i + 1}项·证件号码`),
    ),
  );
  return problems;
}

function mediatorRules(record: MediatorRecord, today: string): RecordProblem[] {
  return idProblems(`调解员“${record.name}”`, record.idType, record.idNumber, today, '证件号码');
}

const fits = Object.fromEntries(
  infoSetNames.map((n) => [n, compileCheck(infoSets[n].schema as z.ZodType)]),
) as Record<InfoSetName, RecordCheck>;

/** Every problem of one record; empty when it may be exported. `today` is 'YYYY-MM-DD'. */
export function problemsOf(infoSet: InfoSetName, record: InfoSetRecord, today: string): RecordProblem[] {
  const schema = infoSets[infoSet].schema as z.ZodType;
  // zod only for a record that does not fit: its issues are the messages.
  const parsed = fits[infoSet](record) ? null : schema.safeParse(record);
  const problems: RecordProblem[] =
    !parsed || parsed.success
      ? []
      : parsed.error.issues.map((issue) => ({
          field: titleAt(schema, issue.path),
          message: `${titleAt(schema, issue.path) || '记录'}不符合报送格式：${issue.message}`,
        }));
  if (infoSet === 'cases') problems.push(...caseRules(record as CaseRecord, today));
  if (infoSet === 'mediators') problems.push(...mediatorRules(record as MediatorRecord, today));
  return problems;
}
