import { addUser, type TestAppOptions } from '../../helpers/app';
import { agreedCase, richAgreement, workflowWorld, type World } from '../documentStore/world';
import { mediatingCase } from '../documentStore/world';

// The dossier's world: the workflow world plus an archivist, and the rich 渠口乡 case driven to
// 已结案 through the real dispatcher (agreement, performance, return visit, close).

export interface DossierWorld extends World {
  archivist: { username: string; password: string };
  asArchivist(): Promise<void>;
}

export async function dossierWorld(options: TestAppOptions = {}): Promise<DossierWorld> {
  const w = await workflowWorld(options);
  await w.as('admin');
  const archivist = await addUser(w.app, 'danganyuan', ['archivist']);
  return {
    ...w,
    archivist,
    async asArchivist() {
      if (w.app.session.state === 'unlocked') await w.app.ok('auth:signOut', {});
      await w.app.ok('auth:signIn', { username: archivist.username, password: archivist.password });
    },
  };
}

/** The rich case with a written agreement, performed, visited and closed. */
export function closedWrittenCase(w: World): Promise<string> {
  return closedAgreedCase(w);
}

/** The rich case settled by the agreement given (written unless told), performed, visited and closed. */
export async function closedAgreedCase(
  w: World,
  agreement: Parameters<typeof agreedCase>[1] = {},
  caseOverrides: Parameters<typeof agreedCase>[2] = {},
): Promise<string> {
  const { caseId } = await agreedCase(w, agreement, caseOverrides);
  await w.app.ok('workflow:beginPerformance', { caseId });
  await w.app.ok('workflow:recordVisit', {
    caseId,
    visitedOn: '2026-11-30',
    visitor: '马秀英',
    performanceStatus: 'performed',
    satisfaction: 'satisfied',
    escalationSigns: false,
    situation: '被申请人已通过银行转账付清全部流转费，并拆除了地上附着物。',
  });
  await w.app.ok('workflow:close', { caseId });
  return caseId;
}

/** A failed mediation, routes told, closed. */
export async function closedFailedCase(w: World, kind: 'failed' | 'refused' = 'failed'): Promise<string> {
  const caseId = await mediatingCase(w);
  if (kind === 'failed') {
    await w.app.ok('workflow:addRecord', {
      caseId,
      kind: 'mediation',
      heldAt: '2026-11-30T00:30:00.000Z',
      place: '平罗县人民调解中心第一调解室',
      partiesPresent: '张志军、王建国（法定代表人）',
      rightsNotified: true,
      statements: '调解员马秀英：双方能否各让一步？\n被申请人：不同意解除合同。',
      result: '双方分歧过大，调解不成。',
      recorder: '杨帆',
    });
  }
  await w.app.ok('workflow:terminate', {
    caseId,
    kind,
    reason: kind === 'refused' ? '被申请人明确表示拒绝调解' : '双方对赔偿数额分歧过大',
    terminatedOn: '2026-11-30',
  });
  await w.app.ok('workflow:informRoutes', {
    caseId,
    routes: ['litigation'],
    how: '当面告知并发放告知书',
    toldOn: '2026-11-30',
  });
  await w.app.ok('workflow:close', { caseId });
  return caseId;
}

export { richAgreement };
