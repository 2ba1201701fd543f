import { describe, expect, it } from 'vitest';
import { aCase, anOrganisation, aPerson } from '../../fixtures/builders';
import { ORGS, workflowWorld } from '../../helpers/workflow';

/** The parties newCase() registers for the first case. */
function aCaseParties() {
  return [
    aPerson({ idNumber: '640221198503150026', name: '马玉兰' }),
    anOrganisation({ name: '平罗县某卫生院1', creditCode: undefined }),
  ];
}

function pick(c: ReturnType<typeof aCase>) {
  return {
    disputeType: c.disputeType,
    source: c.source,
    township: c.township,
    village: c.village,
    receivedOn: c.receivedOn,
    requests: c.requests,
    amountFen: c.amountFen,
    riskLevel: c.riskLevel,
    riskFlags: c.riskFlags,
  };
}

describe('dispatch', () => {
  it('ranks the medical committee first for a medical dispute, and its specialist mediator first', async () => {
    const w = await workflowWorld();
    const caseId = await w.newCase();
    await w.as('dispatcher');
    const s = await w.app.ok('dispatch:suggest', { caseId });
    expect(s.committees[0]).toMatchObject({ id: ORGS.medical, reasons: ['专业对口：医疗'] });
    expect(s.committees.map((c) => c.id)).toContain(ORGS.yaofu);
    expect(s.mediators[0]).toMatchObject({ id: w.mediators.medical, conflicts: [] });
    // The mediator whose sister is the applicant comes last, with the reason.
    expect(s.mediators.at(-1)).toMatchObject({
      id: w.mediators.related,
      conflicts: ['调解员的妹妹马玉兰是本案当事人'],
    });
  });

  it('prefers the less busy of two equal mediators', async () => {
    const w = await workflowWorld();
    const first = await w.newCase();
    await w.as('dispatcher');
    await w.app.ok('workflow:dispatch', {
      caseId: first,
      committeeId: ORGS.medical,
      mediatorIds: [w.mediators.medical],
      leadMediatorId: w.mediators.medical,
    });
    await w.as('admin');
    const other = await w.app.ok('mediators:save', {
      name: '李敏',
      sex: 'female',
      employment: 'full_time',
      specialties: ['medical'],
      memberships: [{ organisationId: ORGS.medical, position: '委员' }],
    });
    const second = await w.newCase();
    await w.as('dispatcher');
    const s = await w.app.ok('dispatch:suggest', { caseId: second });
    const ids = s.mediators.map((m) => m.id);
    expect(ids.indexOf(other.id)).toBeLessThan(ids.indexOf(w.mediators.medical));
    expect(s.mediators.find((m) => m.id === w.mediators.medical)?.openCases).toBe(1);
  });

  it('blocks a mediator who must stand aside; a written override goes through and is audited', async () => {
    const w = await workflowWorld();
    const caseId = await w.newCase();
    await w.as('dispatcher');
    const input = {
      caseId,
      committeeId: ORGS.medical,
      mediatorIds: [w.mediators.related],
      leadMediatorId: w.mediators.related,
    };
    const blocked = await w.app.call('workflow:dispatch', input);
    expect(blocked).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    if (!blocked.ok) expect(blocked.error.message).toContain('马德明须回避：调解员的妹妹马玉兰是本案当事人');
    expect((await w.app.ok('workflow:get', { caseId })).status).toBe('accepted');

    const ok = await w.app.ok('workflow:dispatch', {
      ...input,
      overrides: [{ mediatorId: w.mediators.related, reason: '当事人双方书面同意由其调解' }],
    });
    expect(ok.status).toBe('dispatched');
    expect(ok.assignment?.mediators[0]).toMatchObject({
      name: '马德明',
      overrideReason: '当事人双方书面同意由其调解',
    });
    await w.as('admin');
    const audit = await w.app.ok('audit:list', { page: 1, pageSize: 10, action: 'workflow:dispatch' });
    expect(audit.items[0]?.detail).toContain(
      '回避例外：马德明（调解员的妹妹马玉兰是本案当事人）例外理由：当事人双方书面同意由其调解',
    );
  });

  it('re-runs the conflict check when the parties change', async () => {
    const w = await workflowWorld();
    const caseId = await w.newCase();
    await w.as('dispatcher');
    await w.app.ok('workflow:dispatch', {
      caseId,
      committeeId: ORGS.medical,
      mediatorIds: [w.mediators.medical],
      leadMediatorId: w.mediators.medical,
    });
    const detail = await w.app.ok('cases:get', { id: caseId });
    // The clerk's correction adds the specialist herself as a third party.
    const parties = [
      ...detail.parties.map((p, i) => ({ ...aCaseParties()[i]!, casePartyId: p.casePartyId })),
      {
        kind: 'person' as const,
        role: 'third_party' as const,
        name: '马秀英',
        idType: 'resident_id' as const,
      },
    ];
    const base = aCase({ disputeType: 'medical' });
    await w.app.ok('cases:update', {
      id: caseId,
      version: detail.version,
      ...pick(base),
      summary: detail.summary,
      parties,
      reason: '补充第三人',
    });
    const workflow = await w.app.ok('workflow:get', { caseId });
    expect(workflow.assignment?.mediators[0]?.conflicts).toEqual(['调解员本人是本案当事人（马秀英）']);
    expect((await w.app.ok('cases:get', { id: caseId })).history.at(-1)).toMatchObject({
      action: '回避复查',
      note: '当事人信息变更后复查回避：马秀英须回避：调解员本人是本案当事人（马秀英），请分流员重新指派',
    });
  });

  it('lets the committee accept or return (with a reason); returned cases go back to the queue', async () => {
    const w = await workflowWorld();
    const caseId = await w.newCase();
    await w.as('dispatcher');
    await w.app.ok('workflow:dispatch', {
      caseId,
      committeeId: ORGS.medical,
      mediatorIds: [w.mediators.medical],
      leadMediatorId: w.mediators.medical,
    });
    await w.as('mediator');
    expect(await w.app.call('workflow:respond', { caseId, accept: false })).toMatchObject({
      error: { message: '退回理由：退回案件须写明理由' },
    });
    const returned = await w.app.ok('workflow:respond', {
      caseId,
      accept: false,
      reason: '不属于医疗纠纷，系合同纠纷',
    });
    // This mediator's account belongs to the county centre, which registered the case: it still sees it.
    expect(returned?.status).toBe('accepted');
    await w.as('dispatcher');
    const todo = await w.app.ok('todo:mine', {});
    expect(todo.returned.map((t) => t.what)).toEqual(['被退回：不属于医疗纠纷，系合同纠纷']);
    await w.app.ok('workflow:dispatch', {
      caseId,
      committeeId: ORGS.medical,
      mediatorIds: [w.mediators.medical],
      leadMediatorId: w.mediators.medical,
    });
    await w.as('mediator');
    expect((await w.app.ok('workflow:respond', { caseId, accept: true }))?.status).toBe('mediating');
  });

  it('offers 接收/退回 only to those who may answer for the committee, and never before mediators are assigned', async () => {
    const w = await workflowWorld();
    const caseId = await w.newCase({ committeeId: ORGS.yaofu });
    await w.as('dispatcher');
    const escalated = await w.app.ok('workflow:escalate', { caseId, riskNote: '涉及医患冲突，需县级协调' });
    expect(escalated.assignment?.committeeId).toBe(ORGS.county);
    expect(escalated.actions).not.toContain('accept');
    expect(escalated.actions).toContain('transfer');
    await w.app.ok('workflow:transfer', {
      caseId,
      committeeId: ORGS.yaofu,
      mediatorIds: [w.mediators.township],
      leadMediatorId: w.mediators.township,
      reason: '属地化解更合适',
    });
    // The mediator account belongs to the medical committee, not to 姚伏镇.
    await w.as('mediator');
    const view = await w.app.ok('workflow:get', { caseId });
    expect(view.actions).not.toContain('accept');
    expect(view.actions).not.toContain('return');
    expect(await w.app.call('workflow:respond', { caseId, accept: true })).toMatchObject({
      error: { code: 'FORBIDDEN' },
    });
    await w.as('dispatcher');
    expect((await w.app.ok('workflow:get', { caseId })).actions).toEqual(
      expect.arrayContaining(['accept', 'return']),
    );
  });

  it('escalates village → township → county and refers out with what the parties were told', async () => {
    const w = await workflowWorld();
    await w.as('admin');
    const village = await w.app.ok('orgs:save', {
      name: '姚伏镇永丰村人民调解委员会',
      kind: 'village',
      parentId: ORGS.yaofu,
      abbreviation: '平永丰',
      caseNumberPattern: '（{year}）{abbr}调字第{seq:4}号',
      township: '姚伏镇',
    });
    const caseId = await w.newCase({
      committeeId: village.id,
      disputeType: 'neighbour',
      repeatReason: undefined,
    });
    await w.as('dispatcher');
    const toTownship = await w.app.ok('workflow:escalate', {
      caseId,
      riskNote: '双方矛盾激化，村调委会难以调处',
    });
    expect(toTownship.assignment).toMatchObject({
      committeeId: ORGS.yaofu,
      kind: 'escalation',
      state: 'pending',
    });
    const toCounty = await w.app.ok('workflow:escalate', { caseId, riskNote: '涉及多户，乡镇难以化解' });
    expect(toCounty.assignment?.committeeId).toBe(ORGS.county);
    expect(await w.app.call('workflow:escalate', { caseId, riskNote: '再上报一次看看' })).toMatchObject({
      error: { code: 'CONFLICT', message: '已是县人民调解中心，无法再上报' },
    });
    const out = await w.app.ok('workflow:referOut', {
      caseId,
      route: 'litigation',
      receivingBody: '平罗县人民法院',
      told: '已告知可向平罗县人民法院起诉',
      referredOn: '2026-11-30',
    });
    expect(out).toMatchObject({
      status: 'transferred',
      referral: { route: 'litigation', told: '已告知可向平罗县人民法院起诉' },
      actions: [],
    });
  });
});
