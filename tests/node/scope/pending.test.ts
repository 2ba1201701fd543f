import { describe, expect, it } from 'vitest';
import { aCase } from '../../fixtures/builders';
import { scopeWorld, type ScopeWorld } from './world';

// Issue 9: a case is in a committee's scope while it is dispatched to it and pending. A
// committee that returns it (退回) no longer sees it; the committee that registered it still does,
// and a committee that took it, or passed it on itself, keeps reading it as its sender.

async function dispatchedToYaofu(w: ScopeWorld): Promise<{ caseId: string; caseNumber: string }> {
  await w.as('A', 'intake');
  const created = await w.app.ok(
    'cases:create',
    aCase({ committeeId: w.committee.A, repeatReason: '另一起独立纠纷' }),
  );
  await w.as('A', 'dispatcher');
  await w.app.ok('workflow:dispatch', {
    caseId: created.id,
    committeeId: w.committee.B,
    mediatorIds: [w.mediator.B],
    leadMediatorId: w.mediator.B,
  });
  return { caseId: created.id, caseNumber: created.caseNumber };
}

/** What the side's user of this role finds of the case: its page, and the list searched by its number. */
async function seen(
  w: ScopeWorld,
  side: 'A' | 'B',
  role: 'mediator' | 'dispatcher' | 'leader',
  c: { caseId: string; caseNumber: string },
) {
  await w.as(side, role);
  const page = await w.app.call('workflow:get', { caseId: c.caseId });
  const found = await w.app.ok('cases:list', { query: c.caseNumber, pageSize: 10 });
  return { page: page.ok ? 'opens' : page.error.message, listed: found.total };
}

describe('a dispatch that is not taken', () => {
  it('leaves the scope of the committee that returned it', async () => {
    const w = await scopeWorld();
    const c = await dispatchedToYaofu(w);
    expect(await seen(w, 'B', 'mediator', c)).toEqual({ page: 'opens', listed: 1 });
    await w.app.ok('workflow:respond', { caseId: c.caseId, accept: false, reason: '不属于本会受理范围' });
    for (const role of ['mediator', 'dispatcher', 'leader'] as const)
      expect(await seen(w, 'B', role, c)).toEqual({ page: '未找到该案件', listed: 0 });
    expect(await seen(w, 'A', 'dispatcher', c)).toEqual({ page: 'opens', listed: 1 });
  });

  it('stays in the scope of a committee that passed it on before answering (it sent it, and reads it)', async () => {
    const w = await scopeWorld();
    const c = await dispatchedToYaofu(w);
    await w.as('B', 'dispatcher');
    await w.app.ok('workflow:escalate', { caseId: c.caseId, riskNote: '涉及多户群体，请县调解中心协调' });
    expect(await seen(w, 'B', 'mediator', c)).toEqual({ page: 'opens', listed: 1 });
  });

  it('stays in the scope of a committee that took the case and sent it on (it reads, as a sender)', async () => {
    const w = await scopeWorld();
    const c = await dispatchedToYaofu(w);
    await w.as('B', 'mediator');
    await w.app.ok('workflow:respond', { caseId: c.caseId, accept: true });
    await w.as('B', 'dispatcher');
    await w.app.ok('workflow:escalate', { caseId: c.caseId, riskNote: '双方矛盾激化，需上级协调' });
    expect(await seen(w, 'B', 'mediator', c)).toEqual({ page: 'opens', listed: 1 });
  });
});
