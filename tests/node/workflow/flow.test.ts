import { describe, expect, it } from 'vitest';
import { ORGS, workflowWorld, type World } from '../../helpers/workflow';
import { PNG_FILE } from '../../fixtures/files';

async function mediating(w: World, overrides = {}) {
  const caseId = await w.newCase(overrides);
  await w.dispatchToMedical(caseId);
  await w.as('mediator');
  await w.app.ok('workflow:respond', { caseId, accept: true });
  return caseId;
}

const agreement = (caseId: string) => ({
  caseId,
  kind: 'written' as const,
  facts: '患者输液后过敏，院方处置及时但告知不足，双方对赔偿数额有争议。院方承担告知不足的责任。',
  terms: [
    '被申请人一次性补偿申请人医疗费、误工费共计人民币捌仟陆佰叁拾元整。',
    '申请人不再就此事向被申请人主张其他权利。',
  ],
  performanceManner: '银行转账',
  performancePlace: '平罗县城关镇',
  performanceDeadline: '2026-12-10',
  amountFen: '8630',
  reachedOn: '2026-11-30',
  effectiveOn: '2026-11-30',
});

describe('a successful mediation, start to close', () => {
  it('records a session and a written agreement; shows the confirmation window and visit due; closes after the visit', async () => {
    const w = await workflowWorld();
    const caseId = await mediating(w);
    const recorded = await w.app.ok('workflow:addRecord', {
      caseId,
      kind: 'mediation',
      heldAt: '2026-11-30T08:30:00+08:00',
      place: '平罗县人民调解中心第一调解室',
      partiesPresent: '马玉兰、卫生院院长王某',
      rightsNotified: true,
      statements: '申请人陈述了输液过敏经过，院方说明了处置过程，双方就补偿数额进行了协商。',
      result: '达成协议',
      recorder: '李青',
    });
    expect(recorded.records).toHaveLength(1);
    const agreed = await w.app.ok('workflow:recordAgreement', agreement(caseId));
    expect(agreed.status).toBe('succeeded');
    expect(agreed.agreement).toMatchObject({
      // The medical committee accepted the centre's case: the agreement carries its own number.
      number: '（2026）平医调字第0001号',
      confirmationDeadline: '2026-12-30',
      amountFen: 863_000,
    });
    expect(agreed.deadlines.map((d) => [d.label, d.dueOn])).toEqual([
      ['司法确认申请期限', '2026-12-30'],
      ['履行期限', '2026-12-10'],
      ['回访', '2026-12-17'],
    ]);
    expect((await w.app.ok('workflow:beginPerformance', { caseId })).status).toBe('performing');

    // Twelve days on: the performance deadline has passed, the visit is due within a week.
    await w.later(12, 'mediator');
    const todo = await w.app.ok('todo:mine', {});
    expect(todo.overdue.map((t) => t.what)).toEqual(['履行期限']);
    expect(todo.dueSoon.map((t) => [t.what, t.state])).toEqual(expect.arrayContaining([['回访', 'due7']]));

    const visited = await w.app.ok('workflow:recordVisit', {
      caseId,
      visitedOn: '2026-12-12',
      visitor: '马秀英',
      performanceStatus: 'performed',
      satisfaction: 'satisfied',
      escalationSigns: false,
      situation: '款项已于12月8日转账到位，双方满意。',
    });
    expect(visited.status).toBe('visited');
    expect(visited.visits[0]).toMatchObject({ visitedOn: '2026-12-12', performanceStatus: 'performed' });
    const closed = await w.app.ok('workflow:close', { caseId });
    expect(closed).toMatchObject({ status: 'closed', actions: [] });
  });

  it('refuses illegal steps with CONFLICT and a message', async () => {
    const w = await workflowWorld();
    const caseId = await w.newCase();
    // The mediator may work the case once it is assigned to them (committee scope), not before.
    await w.dispatchToMedical(caseId);
    await w.as('mediator');
    expect(await w.app.call('workflow:recordAgreement', agreement(caseId))).toEqual({
      ok: false,
      error: { code: 'CONFLICT', message: '案件当前状态为“已分流”，不能执行“登记调解协议”' },
    });
    expect(await w.app.call('workflow:close', { caseId })).toMatchObject({ error: { code: 'CONFLICT' } });
  });

  it('keeps an oral agreement effective from the day it was reached', async () => {
    const w = await workflowWorld();
    const caseId = await mediating(w);
    const oral = await w.app.call('workflow:recordAgreement', {
      ...agreement(caseId),
      kind: 'oral',
      effectiveOn: '2026-12-01',
    });
    expect(oral).toMatchObject({
      error: { message: '生效日期：口头协议自达成之日起生效（人民调解法第三十条）' },
    });
    const ok = await w.app.ok('workflow:recordAgreement', {
      ...agreement(caseId),
      kind: 'oral',
      effectiveOn: undefined,
    });
    expect(ok.agreement).toMatchObject({
      kind: 'oral',
      effectiveOn: '2026-11-30',
      confirmationDeadline: null,
    });
  });
});

describe('a failed mediation', () => {
  it('cannot close without the 告知其他途径 record', async () => {
    const w = await workflowWorld();
    const caseId = await mediating(w);
    await w.app.ok('workflow:terminate', {
      caseId,
      kind: 'failed',
      reason: '双方对赔偿数额分歧过大',
      terminatedOn: '2026-11-30',
    });
    expect(await w.app.call('workflow:close', { caseId })).toEqual({
      ok: false,
      error: {
        code: 'CONFLICT',
        message: '调解终止的案件须先登记“告知其他途径”（人民调解法第二十六条），才能结案',
      },
    });
    const informed = await w.app.ok('workflow:informRoutes', {
      caseId,
      routes: ['litigation'],
      how: '当面告知并发放告知书',
      toldOn: '2026-11-30',
    });
    expect(informed.informed).toMatchObject({ routes: ['litigation'] });
    expect((await w.app.ok('workflow:close', { caseId })).status).toBe('closed');
  });
});

describe('deadlines and risk', () => {
  it('shows the mediation deadline as due soon, then overdue, in 我的待办; an extension needs consent', async () => {
    const w = await workflowWorld();
    const caseId = await mediating(w);
    await w.later(24, 'mediator');
    expect((await w.app.ok('todo:mine', {})).dueSoon).toEqual([
      expect.objectContaining({ caseId, what: '调解期限', state: 'due7', daysLeft: 6 }),
    ]);
    await w.later(7, 'mediator');
    const late = await w.app.ok('todo:mine', {});
    expect(late.overdue).toEqual([
      expect.objectContaining({ caseId, what: '调解期限', dueOn: '2026-12-30', daysLeft: -1 }),
    ]);
    await w.as('dispatcher');
    expect((await w.app.ok('todo:overview', {})).rows).toEqual([
      expect.objectContaining({ committeeId: ORGS.medical, open: 1, overdue: 1 }),
    ]);
    const extended = await w.app.ok('workflow:extendDeadline', {
      caseId,
      days: 15,
      consent: '双方当事人书面同意延长',
    });
    expect(extended.deadlines.find((d) => d.kind === 'mediation')).toMatchObject({
      dueOn: '2027-01-14',
      state: 'ok',
    });
    expect(extended.extensions).toEqual([
      expect.objectContaining({ days: 15, consent: '双方当事人书面同意延长' }),
    ]);
  });

  it("gives a court-entrusted case the court procedure's limit (简易程序 7 days)", async () => {
    const w = await workflowWorld();
    const caseId = await w.newCase({
      source: 'court_entrusted',
      courtProcedure: 'summary',
      referringCourt: '平罗县人民法院',
    });
    const view = await w.app.ok('workflow:get', { caseId });
    expect(view.deadlines).toEqual([
      expect.objectContaining({ kind: 'mediation', dueOn: '2026-12-07', daysLeft: 7, state: 'due7' }),
    ]);
  });

  it('requires a police report (or a reason) before a 可能民转刑 case is accepted', async () => {
    const w = await workflowWorld();
    const caseId = await w.newCase({ riskFlags: ['criminal'], riskLevel: 'major' });
    await w.as('dispatcher');
    await w.app.ok('workflow:dispatch', {
      caseId,
      committeeId: ORGS.medical,
      mediatorIds: [w.mediators.medical],
      leadMediatorId: w.mediators.medical,
    });
    expect((await w.app.ok('todo:mine', {})).overdue.map((t) => t.what)).toContain(
      '可能民转刑：待登记向公安机关报告情况',
    );
    await w.as('mediator');
    expect(await w.app.call('workflow:respond', { caseId, accept: true })).toMatchObject({
      error: { code: 'CONFLICT' },
    });
    expect(
      await w.app.call('workflow:riskReport', {
        caseId,
        reported: true,
        reportedTo: '平罗县公安局城关派出所',
      }),
    ).toMatchObject({
      error: { code: 'VALIDATION' },
    });
    await w.app.ok('workflow:riskReport', {
      caseId,
      reported: true,
      reportedTo: '平罗县公安局城关派出所 值班民警',
      reportedBy: '马秀英',
      reportedAt: '2026-11-30T00:45:00.000Z',
    });
    expect((await w.app.ok('workflow:respond', { caseId, accept: true }))?.status).toBe('mediating');
  });
});

describe('attachments', () => {
  it('stores evidence encrypted in the database and checks the bytes match the declared type', async () => {
    const w = await workflowWorld();
    const caseId = await mediating(w);
    const png = PNG_FILE;
    const added = await w.app.ok('workflow:addAttachment', {
      caseId,
      fileName: '现场照片.png',
      mimeType: 'image/png',
      dataBase64: png.toString('base64'),
    });
    expect(added).toMatchObject({ fileName: '现场照片.png', size: png.length });
    const back = await w.app.ok('workflow:getAttachment', { id: added.id });
    expect(Buffer.from(back.dataBase64, 'base64').equals(png)).toBe(true);
    const fake = await w.app.call('workflow:addAttachment', {
      caseId,
      fileName: 'virus.pdf',
      mimeType: 'application/pdf',
      dataBase64: Buffer.from('MZ\u0090\u0000').toString('base64'),
    });
    expect(fake).toMatchObject({
      error: { message: '文件：文件内容与类型不符：只能上传真实的 JPG、PNG、TIFF 图片或 PDF 文件' },
    });
    const exe = await w.app.call('workflow:addAttachment', {
      caseId,
      fileName: 'a.exe',
      mimeType: 'application/x-msdownload' as never,
      dataBase64: 'TVo=',
    });
    expect(exe).toMatchObject({
      error: { code: 'VALIDATION', message: '文件类型：只能上传 JPG、PNG、TIFF 图片或 PDF 文件' },
    });
  });
});
