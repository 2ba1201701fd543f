import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { aPerson, anOrganisation } from '../../fixtures/builders';
import { ORGS } from '../../helpers/workflow';
import {
  closedAgreedCase,
  closedFailedCase,
  closedWrittenCase,
  dossierWorld,
  type DossierWorld,
} from '../dossier/world';
import { addRecords, richAgreement, richCaseInput } from '../documentStore/world';

// 以案定补 with known answers: two closed, archived and reviewed cases of the medical committee
// (one mediated by 马秀英 alone, one by 马秀英 and 马德明 together), one closed case never filed.
// Rates for 2026: 一般 150 元, 疑难复杂 300 元. November pays 150 + 300 (split 150/150) = 450 元;
// after approval November is locked, and a grade corrected later is paid in December as an
// adjustment of +150 元.

const passing = {
  intake: 15,
  investigation: 13,
  process: 14,
  agreement: 18,
  visit: 9,
  forms: 13,
  binding: 9,
};

async function twoMediatorCase(w: DossierWorld): Promise<string> {
  const caseId = await w.newCase(
    richCaseInput({
      parties: [
        aPerson({ name: '刘建军', idNumber: '640221197805120039', ethnicity: '汉族' }),
        anOrganisation({ name: '平罗县某卫生院' }),
      ],
      repeatReason: '另一起独立纠纷',
    }),
  );
  await w.as('dispatcher');
  await w.app.ok('workflow:dispatch', {
    caseId,
    committeeId: ORGS.medical,
    mediatorIds: [w.mediators.medical, w.mediators.related],
    leadMediatorId: w.mediators.medical,
  });
  await w.as('mediator');
  await w.app.ok('workflow:respond', { caseId, accept: true });
  await addRecords(w, caseId);
  await w.app.ok('workflow:recordAgreement', {
    ...richAgreement(caseId),
    facts: '申请人刘建军在卫生院就诊后出现并发症，双方就赔偿数额协商一致。',
  });
  await w.app.ok('workflow:beginPerformance', { caseId });
  await w.app.ok('workflow:recordVisit', {
    caseId,
    visitedOn: '2026-11-30',
    visitor: '马秀英',
    performanceStatus: 'performed',
    satisfaction: 'satisfied',
    escalationSigns: false,
    situation: '卫生院已付清赔偿款。',
  });
  await w.app.ok('workflow:close', { caseId });
  return caseId;
}

/** The 2026 rates (一般 150 元, 疑难复杂 300 元), oral agreements at 50 %. */
function saveRules(w: DossierWorld, rules: { sectorPercent: number; complexTypes: string[] }) {
  return w.app.ok('subsidy:saveRules', {
    year: 2026,
    rates: { simple: 10_000, general: 15_000, difficult: 30_000, major: 50_000 },
    oralPercent: 50,
    ...rules,
  });
}

async function archiveAndReview(w: DossierWorld, caseId: string) {
  await w.app.ok('dossiers:file', { caseId, retention: '长期' });
  await w.app.ok('dossiers:archive', {
    caseId,
    missingReason: '当事人身份证复印件在县局复核，复核后补入卷宗',
  });
  await w.app.ok('dossiers:review', { caseId, reviewedOn: '2026-11-30', scores: passing });
}

describe('以案定补', () => {
  it('grades, pays only archived and reviewed cases, splits, totals, locks, exports and corrects in the next period', async () => {
    const w = await dossierWorld();
    await w.as('admin');
    await saveRules(w, { sectorPercent: 100, complexTypes: ['medical'] });
    await w.as('mediator');
    const alone = await closedWrittenCase(w);
    const together = await twoMediatorCase(w);
    await w.as('mediator');
    const unfiled = await closedFailedCase(w);
    await w.asArchivist();
    await archiveAndReview(w, alone);
    await archiveAndReview(w, together);

    let cases = await w.app.ok('subsidy:cases', {});
    const byId = (id: string) => cases.find((c) => c.caseId === id)!;
    expect(byId(alone)).toMatchObject({
      proposed: 'general',
      basis: expect.stringContaining('当事人3人') as unknown,
      grade: null,
      eligible: false,
      reasons: ['案件等级待县级审核确认'],
    });
    expect(byId(unfiled)).toMatchObject({ eligible: false, reasons: ['尚未立卷', '案件等级待县级审核确认'] });

    await w.app.ok('subsidy:setGrade', { caseId: alone, grade: 'general' });
    const noReason = await w.app.call('subsidy:setGrade', { caseId: together, grade: 'difficult' });
    expect(noReason).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: expect.stringContaining('系统建议定为一般') as unknown },
    });
    await w.app.ok('subsidy:setGrade', {
      caseId: together,
      grade: 'difficult',
      reason: '两名调解员多次上门，历时较长',
    });
    cases = await w.app.ok('subsidy:cases', {});
    expect(byId(together)).toMatchObject({ grade: 'difficult', eligible: true, reasons: [] });

    const november = await w.app.ok('subsidy:run', { period: '2026-11' });
    expect(november.state).toBe('draft');
    expect(november.totalFen).toBe(45_000);
    expect(november.byMediator).toEqual([
      { mediatorName: '马德明', committeeName: '平罗县医疗纠纷人民调解委员会', cases: 1, amountFen: 15_000 },
      { mediatorName: '马秀英', committeeName: '平罗县医疗纠纷人民调解委员会', cases: 2, amountFen: 30_000 },
    ]);
    expect(november.byCommittee).toEqual([
      { committeeName: '平罗县医疗纠纷人民调解委员会', cases: 2, amountFen: 45_000 },
    ]);
    expect(november.lines.map((l) => l.caseId)).not.toContain(unfiled);

    const locked = await w.app.ok('subsidy:approve', { period: '2026-11' });
    expect(locked).toMatchObject({ state: 'locked', approvedByName: '测试danganyuan', totalFen: 45_000 });
    expect(await w.app.call('subsidy:run', { period: '2026-11' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });

    const file = await w.app.ok('subsidy:export', { period: '2026-11' });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(file.dataBase64, 'base64') as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('结算明细')!;
    const totalRow = sheet.getRow(sheet.rowCount);
    expect(totalRow.getCell(1).value).toBe('合计');
    expect(totalRow.getCell(7).value).toEqual({ formula: 'SUM(G3:G5)', result: 450 });
    expect([3, 4, 5].map((r) => sheet.getRow(r).getCell(7).value).sort()).toEqual([150, 150, 150]);
    const committees = book.getWorksheet('按调委会')!;
    expect(committees.getRow(2).values).toEqual([undefined, '平罗县医疗纠纷人民调解委员会', 2, 450]);

    // A grade corrected after payment: November stays as approved, December carries the difference.
    await w.app.ok('subsidy:setGrade', {
      caseId: alone,
      grade: 'difficult',
      reason: '复核发现涉及三方当事人且历时较长',
    });
    await w.later(1, 'admin');
    await w.asArchivist();
    expect((await w.app.ok('subsidy:settlement', { period: '2026-11' })).totalFen).toBe(45_000);
    const december = await w.app.ok('subsidy:run', { period: '2026-12' });
    expect(december.lines).toEqual([
      expect.objectContaining({
        caseId: alone,
        kind: 'adjustment',
        mediatorName: '马秀英',
        amountFen: 15_000,
        note: '更正：现定疑难复杂，应得300元，已付150元',
      }),
    ]);
    expect(december.totalFen).toBe(15_000);
  }, 120_000);

  it('pays an oral agreement and a sector committee the configured shares of the rate', async () => {
    // 一般 150 元; oral agreements 50 %; sector committees (the medical committee is one) 80 %:
    // a written agreement there earns 120 元, an oral one 150 × 50 % × 80 % = 60 元.
    const w = await dossierWorld();
    await w.as('admin');
    await saveRules(w, { sectorPercent: 80, complexTypes: [] });
    const catalog = await w.app.ok('catalog:get', {});
    expect(catalog.committees.find((c) => c.id === ORGS.medical)?.kind).toBe('sector');
    await w.as('mediator');
    const written = await closedWrittenCase(w);
    const oral = await closedAgreedCase(
      w,
      { kind: 'oral', effectiveOn: undefined },
      { repeatReason: '另一起独立纠纷' },
    );
    await w.asArchivist();
    for (const caseId of [written, oral]) {
      await archiveAndReview(w, caseId);
      await w.app.ok('subsidy:setGrade', { caseId, grade: 'general' });
    }
    const november = await w.app.ok('subsidy:run', { period: '2026-11' });
    const amountOf = (caseId: string) => november.lines.find((l) => l.caseId === caseId)?.amountFen;
    expect(amountOf(written)).toBe(12_000);
    expect(amountOf(oral)).toBe(6_000);
    expect(november.totalFen).toBe(18_000);
  }, 120_000);
});
