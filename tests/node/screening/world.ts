import type { FindingInput, RecordRoundInput } from '../../../main/contract';
import { aCase, anOrganisation, aPerson } from '../../fixtures/builders';
import { addUser, switchUser } from '../../helpers/app';
import { ORGS, workflowWorld, type World } from '../../helpers/workflow';

// The screening world: the workflow world (a clerk and a dispatcher of the county centre and
// 姚伏镇, a mediator of the county centre) plus a clerk of 渠口乡 only, who must see nothing of
// 姚伏镇's rounds.

export const QUKOU = 'f8a4f23b-7bf3-4012-bfd1-7043a520cbad';

export interface ScreeningWorld extends World {
  asQukou(): Promise<void>;
}

export async function screeningWorld(): Promise<ScreeningWorld> {
  const w = await workflowWorld();
  await w.as('admin');
  const qukou = await addUser(w.app, 'qukou', ['intake'], undefined, { organisationIds: [QUKOU] });
  return { ...w, asQukou: () => switchUser(w.app, qukou.username, qukou.password) };
}

/** A found dispute registered as a case (the intake form's fields, without the source). */
export function foundCase(committeeId = ORGS.yaofu): FindingInput {
  const { source: _source, ...fields } = aCase({
    committeeId,
    disputeType: 'neighbour',
    summary: '排查发现：两户村民因院墙排水沟渗水发生争吵，已有推搡，需及时调解。',
    requests: '请求调解排水沟改道及赔偿墙体损失。',
    amountFen: '3000',
    parties: [
      aPerson({ name: '杨金花', idNumber: undefined }),
      aPerson({ role: 'respondent', name: '李德明', idNumber: undefined }),
    ],
  });
  return {
    kind: 'dispute',
    summary: '永丰村三队杨金花与李德明因排水沟渗水发生争吵',
    disposition: 'new_case',
    newCase: fields,
  };
}

export function aRound(overrides: Partial<RecordRoundInput> = {}): RecordRoundInput {
  return {
    organisationId: ORGS.yaofu,
    heldOn: '2026-11-30',
    conductedBy: '李青、王芳',
    method: 'general',
    area: '姚伏镇各村',
    findings: [],
    ...overrides,
  };
}

export { anOrganisation, ORGS };
