import type { CreateCaseInput, RecordAgreementInput } from '../../../main/contract';
import { RICH_CASE, RICH_PARTIES, RICH_PERFORMANCE, RICH_TERMS } from '../../fixtures/richCase';
import { ORGS, workflowWorld, type World } from '../../helpers/workflow';

// A rich case driven through the real dispatch, as the desk records it: three parties (a farmer
// with his son as agent, a company with its legal representative, a Hui farmer as third party),
// an investigation and a mediation record, and a written agreement with five terms and an
// amount. The case's data is shared with the browser test (tests/fixtures/richCase.ts); here it
// goes through the dispatcher directly.

export const RICH_FACTS =
  '2021年3月，申请人张志军、第三人马玉兰分别将其承包的六顷地村耕地48亩、21亩流转给被申请人种植枸杞，约定每亩每年600元。被申请人自2025年起拖欠流转费共计86,300元，并要求提前解除合同。被申请人未按约定支付流转费，应承担主要责任。';

export function richCaseInput(overrides: Partial<CreateCaseInput> = {}): Partial<CreateCaseInput> {
  return { ...RICH_CASE, ...overrides };
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
    ...RICH_PERFORMANCE,
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

export { RICH_PARTIES, RICH_TERMS, workflowWorld, type World };
