import type { CreateCaseInput, PartyInput, RecordAgreementInput } from '../../../main/contract';
import { ORGS, workflowWorld, type World } from '../../helpers/workflow';

// A rich case driven through the real dispatch, as the desk records it: three parties (a farmer
// with his son as agent, a company with its legal representative, a Hui farmer as third party),
// an investigation and a mediation record, and a written agreement with five terms and an
// amount. The same names and IDs as the document layer's fixture (tests/fixtures/documentCase.ts),
// so a reader recognises them in both test suites.

export const RICH_PARTIES: PartyInput[] = [
  {
    kind: 'person',
    role: 'applicant',
    name: '张志军',
    ethnicity: '汉族',
    idType: 'resident_id',
    idNumber: '640221197506181210',
    occupation: '农民',
    address: '宁夏回族自治区平罗县渠口乡六顷地村三队12号',
    phone: '13995230418',
    agent: {
      name: '张晓峰',
      relation: '申请人之子',
      authority: 'general',
      idNumber: '640221200009250312',
      phone: '18709520316',
    },
  },
  {
    kind: 'organisation',
    role: 'respondent',
    name: '宁夏塞上沃土农业发展有限公司',
    creditCode: '91640221MA76K3P8XF',
    representative: '王建国',
    representativeTitle: '总经理',
    address: '宁夏回族自治区平罗县城关镇鼓楼南街88号',
    phone: '0952-6012345',
  },
  {
    kind: 'person',
    role: 'third_party',
    name: '马玉兰',
    ethnicity: '回族',
    idType: 'resident_id',
    idNumber: '640221196803121025',
    occupation: '农民',
    address: '宁夏回族自治区平罗县渠口乡六顷地村五队7号',
    phone: '13709528862',
  },
];

export const RICH_TERMS = [
  '被申请人于2026年12月20日前向申请人张志军支付拖欠的土地流转费人民币58,300元。',
  '被申请人于2026年12月20日前向第三人马玉兰支付拖欠的土地流转费人民币28,000元。',
  '被申请人于2026年12月31日前自行拆除在申请人、第三人承包地内修建的简易看护房、水泥晒场及滴灌首部设施，恢复土地平整。',
  '各方于2021年3月签订的《土地经营权流转合同》自本协议生效之日起解除，各方不再依据该合同主张违约金。',
  '本协议履行完毕后，各方就本纠纷再无其他争议。',
];

export const RICH_FACTS =
  '2021年3月，申请人张志军、第三人马玉兰分别将其承包的六顷地村耕地48亩、21亩流转给被申请人种植枸杞，约定每亩每年600元。被申请人自2025年起拖欠流转费共计86,300元，并要求提前解除合同。被申请人未按约定支付流转费，应承担主要责任。';

export function richCaseInput(overrides: Partial<CreateCaseInput> = {}): Partial<CreateCaseInput> {
  return {
    disputeType: 'contract',
    township: '渠口乡',
    village: undefined,
    summary:
      '申请人张志军、第三人马玉兰于2021年将承包地流转给被申请人种植枸杞。被申请人自2025年起拖欠流转费共计86,300元，并要求提前解除合同，双方多次协商未果。',
    requests: '1、请求被申请人支付拖欠的土地流转费58,300元\n2、请求被申请人拆除地上附着物并恢复土地原状',
    amountFen: '86300',
    parties: RICH_PARTIES,
    ...overrides,
  };
}

export function richAgreement(
  caseId: string,
  overrides: Partial<RecordAgreementInput> = {},
): RecordAgreementInput {
  return {
    caseId,
    kind: 'written',
    facts: RICH_FACTS,
    terms: RICH_TERMS,
    performanceManner: '银行转账至申请人、第三人本人账户',
    performancePlace: '平罗县渠口乡六顷地村',
    performanceDeadline: '2026-12-31',
    amountFen: '86300',
    reachedOn: '2026-11-30',
    effectiveOn: '2026-11-30',
    subjectMatter: 'ordinary',
    ...overrides,
  };
}

/** A registered case, dispatched to the medical committee's 马秀英 and accepted: 调解中. */
export async function mediatingCase(w: World, overrides: Partial<CreateCaseInput> = {}): Promise<string> {
  const caseId = await w.newCase(richCaseInput(overrides));
  await w.as('dispatcher');
  await w.app.ok('workflow:dispatch', {
    caseId,
    committeeId: ORGS.medical,
    mediatorIds: [w.mediators.medical],
    leadMediatorId: w.mediators.medical,
  });
  await w.as('mediator');
  await w.app.ok('workflow:respond', { caseId, accept: true });
  return caseId;
}

/** The investigation and the session that led to the agreement. */
export async function addRecords(w: World, caseId: string): Promise<void> {
  await w.app.ok('workflow:addRecord', {
    caseId,
    kind: 'investigation',
    heldAt: '2026-11-30T00:05:00.000Z',
    place: '渠口乡六顷地村村民委员会',
    participants: '六顷地村会计韩立',
    partiesPresent: '周文斌（六顷地村村委会主任）',
    rightsNotified: true,
    statements:
      '问：张志军、马玉兰的承包地流转时村委会是否备案？\n答：2021年3月村委会统一备案，张志军48亩，马玉兰21亩。',
    result: '核实土地流转面积、流转费标准及支付情况',
    recorder: '杨帆',
  });
  await w.app.ok('workflow:addRecord', {
    caseId,
    kind: 'mediation',
    heldAt: '2026-11-30T00:30:00.000Z',
    place: '平罗县人民调解中心第一调解室',
    participants: '周文斌（六顷地村村委会主任）',
    partiesPresent: '张志军、张晓峰（委托代理人）、王建国（法定代表人）、马玉兰',
    rightsNotified: true,
    statements:
      '调解员马秀英：根据村委会备案的合同，欠款合计86,300元，各方是否认可？\n被申请人法定代表人王建国：认可，公司可以在12月20日前一次付清。',
    result: '经调解，各方自愿达成书面调解协议，当场签字。',
    recorder: '杨帆',
  });
}

/** 调解成功 with a written agreement (effective today). */
export async function agreedCase(
  w: World,
  agreement: Partial<RecordAgreementInput> = {},
  caseOverrides: Partial<CreateCaseInput> = {},
) {
  const caseId = await mediatingCase(w, caseOverrides);
  await addRecords(w, caseId);
  const workflow = await w.app.ok('workflow:recordAgreement', richAgreement(caseId, agreement));
  return { caseId, workflow };
}

export { workflowWorld, type World };
