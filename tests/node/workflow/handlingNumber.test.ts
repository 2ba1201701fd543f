import { describe, expect, it } from 'vitest';
import { loadDocumentCase } from '../../../main/core/documentStore';
import { ORGS, workflowWorld, type World } from '../../helpers/workflow';
import { addRecords, richAgreement } from '../documentStore/world';

// A case the county centre registers and dispatches to the medical committee is filed by that
// committee under its own number, given when it accepts the case (issue 10): kept next to the
// intake number, printed on the agreement and the file documents, while the intake documents
// keep the intake number.

async function dispatchedAndAccepted(w: World, committeeId = ORGS.medical): Promise<string> {
  const caseId = await w.newCase();
  await w.as('dispatcher');
  await w.app.ok('workflow:dispatch', {
    caseId,
    committeeId,
    mediatorIds: [w.mediators.medical],
    leadMediatorId: w.mediators.medical,
  });
  await w.as('mediator');
  await w.app.ok('workflow:respond', { caseId, accept: true });
  return caseId;
}

const sql = (w: World) => w.app.session.requireUnlocked().store.sql;

describe('the handling committee’s number', () => {
  it('is given on acceptance in the handling committee’s sequence and kept next to the intake number', async () => {
    const w = await workflowWorld();
    const first = await dispatchedAndAccepted(w);
    const second = await dispatchedAndAccepted(w);

    const detail = await w.app.ok('cases:get', { id: first });
    expect(detail.caseNumber).toBe('（2026）平调字第0001号');
    expect(detail.handlingNumber).toBe('（2026）平医调字第0001号');
    expect((await w.app.ok('cases:get', { id: second })).handlingNumber).toBe('（2026）平医调字第0002号');
    expect(detail.history.find((h) => h.action === '接收案件')!.note).toContain(
      '承办编号（2026）平医调字第0001号',
    );
    // The committee's ledger records it as a handling number, under the committee.
    expect(
      sql(w).get(
        `SELECT committee_id AS committeeId, kind, case_id AS caseId FROM case_numbers WHERE case_number = ?`,
        '（2026）平医调字第0001号',
      ),
    ).toEqual({ committeeId: ORGS.medical, kind: 'handling', caseId: first });

    // The committee's clerk finds the case by the committee's own number.
    const found = await w.app.ok('cases:list', { query: '平医调字第0001号', page: 1, pageSize: 20 });
    expect(found.items.map((c) => c.id)).toEqual([first]);
  });

  it('goes on the agreement and the file documents; the intake documents keep the intake number', async () => {
    const w = await workflowWorld();
    const caseId = await dispatchedAndAccepted(w);
    await addRecords(w, caseId);
    const { agreement } = await w.app.ok('workflow:recordAgreement', richAgreement(caseId));
    expect(agreement!.number).toBe('（2026）平医调字第0001号');

    const { document } = await w.app.session.transaction((repos) =>
      loadDocumentCase(repos, caseId, { today: '2026-11-30', actorName: '杨帆' }),
    );
    expect(document.caseNumber).toBe('（2026）平调字第0001号');
    expect(document.handlingNumber).toBe('（2026）平医调字第0001号');
  });

  it('is not given when the registering committee handles the case itself', async () => {
    const w = await workflowWorld();
    const caseId = await dispatchedAndAccepted(w, ORGS.county);
    expect((await w.app.ok('cases:get', { id: caseId })).handlingNumber).toBeNull();
  });
});
