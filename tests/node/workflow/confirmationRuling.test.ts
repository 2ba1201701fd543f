import { describe, expect, it } from 'vitest';
import { addUser, switchUser } from '../../helpers/app';
import { ORGS, workflowWorld, type World } from '../../helpers/workflow';

// 司法确认结果 (issue 15): the court's answer to the parties' application is recorded on the
// agreement, shown on the case, kept in its history and counted by the county.

async function agreed(w: World, overrides: Record<string, unknown> = {}) {
  const caseId = await w.newCase();
  await w.dispatchToMedical(caseId);
  await w.as('mediator');
  await w.app.ok('workflow:respond', { caseId, accept: true });
  await w.app.ok('workflow:recordAgreement', {
    caseId,
    kind: 'written',
    facts: '患者输液后过敏，院方处置及时但告知不足，双方对赔偿数额有争议。院方承担告知不足的责任。',
    terms: ['被申请人一次性补偿申请人医疗费人民币捌仟元整。'],
    performanceManner: '银行转账',
    performancePlace: '平罗县城关镇',
    performanceDeadline: '2026-12-10',
    amountFen: '8000',
    reachedOn: '2026-11-30',
    effectiveOn: '2026-11-30',
    ...overrides,
  });
  return caseId;
}

/** The county 领导: reads every figure and the cases behind it. */
async function asLeader(w: World) {
  await w.as('admin');
  await addUser(w.app, 'lingdao', ['leader'], 'Leader2026ok', { organisationIds: [ORGS.county, ORGS.yaofu] });
  await switchUser(w.app, 'lingdao', 'Leader2026ok');
}

const ruling = (caseId: string, overrides: Record<string, unknown> = {}) => ({
  caseId,
  court: '平罗县人民法院',
  outcome: 'confirmed' as const,
  ruledOn: '2026-11-30',
  rulingNumber: '（2026）宁0221民特12号',
  ...overrides,
});

describe('司法确认结果', () => {
  it('records the ruling on the agreement, in the history, and in the county figures', async () => {
    const w = await workflowWorld();
    const caseId = await agreed(w);
    const wf = await w.app.ok('workflow:confirmationRuling', ruling(caseId));
    expect(wf.agreement?.confirmation).toEqual({
      court: '平罗县人民法院',
      outcome: 'confirmed',
      ruledOn: '2026-11-30',
      rulingNumber: '（2026）宁0221民特12号',
    });
    const { history } = await w.app.ok('cases:get', { id: caseId });
    expect(history.map((h) => h.action)).toContain('登记司法确认结果');
    expect(JSON.stringify(history)).toContain(
      '裁定确认协议有效（平罗县人民法院，2026-11-30，（2026）宁0221民特12号）',
    );

    await asLeader(w);
    const d = await w.app.ok('statistics:dashboard', {
      from: '2026-11-01',
      to: '2026-11-30',
      dimension: 'month',
    });
    expect(d.total.counts.confirmationConfirmed).toBe(1);
    // The court's answer proves an application, printed here or not.
    expect(d.total.counts.confirmationApplied).toBe(1);
    const listed = await w.app.ok('cases:list', {
      statistic: { measure: 'confirmationConfirmed', from: '2026-11-01', to: '2026-11-30' },
    });
    expect(listed.items.map((i) => i.id)).toEqual([caseId]);
  });

  it('a correction replaces the answer; a rejection is not counted as confirmed', async () => {
    const w = await workflowWorld();
    const caseId = await agreed(w);
    await w.app.ok('workflow:confirmationRuling', ruling(caseId));
    const wf = await w.app.ok(
      'workflow:confirmationRuling',
      ruling(caseId, { outcome: 'rejected', rulingNumber: '（2026）宁0221民特13号' }),
    );
    expect(wf.agreement?.confirmation).toMatchObject({
      outcome: 'rejected',
      rulingNumber: '（2026）宁0221民特13号',
    });
    await asLeader(w);
    const d = await w.app.ok('statistics:dashboard', {
      from: '2026-11-01',
      to: '2026-11-30',
      dimension: 'month',
    });
    expect(d.total.counts.confirmationConfirmed).toBe(0);
    expect(d.total.counts.confirmationApplied).toBe(1);
  });

  it('says what to fix, and changes nothing, when the answer cannot be recorded', async () => {
    const w = await workflowWorld();
    const caseId = await agreed(w);
    const noNumber = await w.app.call('workflow:confirmationRuling', ruling(caseId, { rulingNumber: '' }));
    expect(noNumber).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(JSON.stringify(noNumber)).toContain('请填写裁定书文号');
    // A withdrawal has no ruling, so no number.
    const withdrawn = await w.app.ok(
      'workflow:confirmationRuling',
      ruling(caseId, { outcome: 'withdrawn', rulingNumber: '' }),
    );
    expect(withdrawn.agreement?.confirmation).toMatchObject({ outcome: 'withdrawn', rulingNumber: null });
    const early = await w.app.call('workflow:confirmationRuling', ruling(caseId, { ruledOn: '2026-11-29' }));
    expect(early).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(JSON.stringify(early)).toContain('须在协议生效日期与今天之间');

    const oral = await agreed(w, { kind: 'oral', effectiveOn: undefined });
    expect(await w.app.call('workflow:confirmationRuling', ruling(oral))).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: '口头协议不能申请司法确认' },
    });
    const unsigned = await agreed(w, { effectiveOn: undefined });
    expect(await w.app.call('workflow:confirmationRuling', ruling(unsigned))).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: '协议尚未生效：请先登记协议生效日期' },
    });
    const after = await w.app.ok('workflow:get', { caseId: unsigned });
    expect(after.agreement?.confirmation).toBeNull();
  });
});
