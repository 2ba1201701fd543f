import type { ApiIssue } from '../../contract';
import { ValidationError } from '../errors';
import type { DocumentGenerator } from './generators/context';
import type { Agent, DocumentCase, Party } from './model';

// A legal form must never print "职业：，" or "undefined". The types make fields required, but an
// empty string still slips through from a half-filled intake form, so every registered generator
// first checks the fields all documents print and says, in Chinese, which one to fill in.

type Check = [path: (string | number)[], field: string, value: string | undefined];

function partyChecks(p: Party, i: number): Check[] {
  const at = (key: string): (string | number)[] => ['parties', i, key];
  const who = `当事人 第${i + 1}项（${p.name || '未填写名称'}）`;
  const checks: Check[] = [
    [at('name'), `${who} › 姓名或名称`, p.name],
    [at('phone'), `${who} › 联系电话`, p.phone],
    [at('address'), `${who} › ${p.kind === 'person' ? '住址' : '住所'}`, p.address],
  ];
  if (p.kind === 'person') {
    checks.push(
      [at('sex'), `${who} › 性别`, p.sex],
      [at('ethnicity'), `${who} › 民族`, p.ethnicity],
      [at('birthDate'), `${who} › 出生日期`, p.birthDate],
      [at('idType'), `${who} › 证件类型`, p.idType],
      [at('idNumber'), `${who} › 证件号码`, p.idNumber],
      [at('occupation'), `${who} › 职业`, p.occupation],
    );
  } else {
    checks.push(
      [at('uscc'), `${who} › 统一社会信用代码`, p.uscc],
      [[...at('representative'), 'name'], `${who} › ${p.representative.kind}`, p.representative.name],
      [[...at('representative'), 'title'], `${who} › 职务`, p.representative.title],
    );
  }
  p.agents.forEach((a: Agent, j) => {
    const agentAt = (key: string): (string | number)[] => ['parties', i, 'agents', j, key];
    const agent = `${who} › 代理人 第${j + 1}项`;
    checks.push(
      [agentAt('name'), `${agent} › 姓名`, a.name],
      [agentAt('relation'), `${agent} › 与当事人关系`, a.relation],
      [agentAt('authority'), `${agent} › 代理权限`, a.authority],
      [agentAt('phone'), `${agent} › 联系电话`, a.phone],
    );
  });
  return checks;
}

/**
 * Whether a form needs the mediators and the recorder. The forms signed at the desk on the day of
 * intake (申请书, 受理登记表, 权利义务告知书) come before any mediator is assigned; only the forms
 * with a 记录人 line (调解记录, 协议书, 口头协议登记表) need the recorder, who is named in the
 * mediation records (never the mediator by default: the form would name one person twice).
 */
export interface StaffNeeds {
  mediators: boolean;
  recorder: boolean;
}
export const MEDIATORS: StaffNeeds = { mediators: true, recorder: false };
export const WITH_RECORDER: StaffNeeds = { mediators: true, recorder: true };
export const NO_STAFF: StaffNeeds = { mediators: false, recorder: false };

export function printableIssues(c: DocumentCase, staff: StaffNeeds = MEDIATORS): ApiIssue[] {
  const checks: Check[] = [
    [['committee', 'name'], '调解委员会名称', c.committee.name],
    [['committee', 'sealText'], '调解委员会印章名称', c.committee.sealText],
    [['caseNumber'], '案件编号', c.caseNumber],
    [['disputeType'], '纠纷类型', c.disputeType],
    ...(staff.recorder ? [[['recorder'], '记录人', c.recorder] satisfies Check] : []),
    ...c.mediators.map((m, i): Check => [['mediators', i, 'name'], `人民调解员 第${i + 1}项`, m.name]),
    ...c.parties.flatMap(partyChecks),
  ];
  const issues: ApiIssue[] = checks
    .filter(([, , value]) => !value || !value.trim())
    .map(([path, field]) => ({
      path,
      field,
      message: path[0] === 'recorder' ? '未填写（登记调解记录时写明记录人）' : '未填写',
    }));
  if (c.parties.length === 0)
    issues.push({ path: ['parties'], field: '当事人', message: '至少需要一名当事人' });
  if (staff.mediators && c.mediators.length === 0)
    issues.push({ path: ['mediators'], field: '人民调解员', message: '至少需要一名人民调解员' });
  return issues;
}

export function assertPrintable(c: DocumentCase, staff: StaffNeeds = MEDIATORS): void {
  const issues = printableIssues(c, staff);
  if (issues.length === 0) return;
  const first = issues[0]!;
  const more = issues.length > 1 ? `等${issues.length}项` : '';
  throw new ValidationError(`文书无法生成：${first.field}${first.message}${more}`, issues);
}

/** The generator, refusing to print half-filled data. */
export function printable(generate: DocumentGenerator, staff: StaffNeeds = MEDIATORS): DocumentGenerator {
  return (c, ctx) => {
    assertPrintable(c, staff);
    return generate(c, ctx);
  };
}
