import { describe, expect, it } from 'vitest';
import { xmlParts, xmlProblems } from '../../helpers/docxXml';
import { aRound, foundCase, ORGS, QUKOU, screeningWorld } from './world';

// 一分析: the month's figures filled in by the app (with last month beside them), the judgement
// and measures written by people, printed as .docx; within committee scope.

const documentText = (docx: Buffer) =>
  xmlParts(docx)
    .find((p) => p.name === 'word/document.xml')!
    .text.replace(/<[^>]+>/g, '')
    .replace(/\u2060/g, '');

describe('the monthly analysis note', () => {
  it('fills in the month from the screening log and the cases, keeps what people wrote, and prints it', async () => {
    const w = await screeningWorld();
    await w.newCase({ committeeId: ORGS.yaofu });
    await w.as('clerk');
    await w.app.ok(
      'screening:record',
      aRound({
        heldOn: '2026-11-16',
        findings: [
          foundCase(),
          { kind: 'dispute', summary: '两户因灌溉顺序争执', disposition: 'resolved', note: '当场协调轮灌' },
          { kind: 'risk', summary: '讨薪人员可能聚集', disposition: 'watch', note: '每周回访' },
        ],
      }),
    );
    await w.app.ok('screening:record', aRound({ heldOn: '2026-11-30' }));
    await w.app.ok('screening:record', aRound({ heldOn: '2026-10-20' }));
    // Another township's round is not 姚伏镇's.
    await w.asQukou();
    await w.app.ok('screening:record', aRound({ organisationId: QUKOU, heldOn: '2026-11-20' }));
    await w.as('clerk');

    const note = await w.app.ok('screening:analysis', { organisationId: ORGS.yaofu, month: '2026-11' });
    expect(note.figures).toEqual({
      rounds: 2,
      zeroReports: 1,
      findings: 3,
      disputes: 2,
      risks: 1,
      becameCases: 1,
      linked: 0,
      resolved: 1,
      watched: 1,
      casesReceived: 2,
      casesProactive: 1,
      topTypes: [
        { name: '邻里', count: 1 },
        { name: '医疗', count: 1 },
      ],
    });
    expect(note.previous).toMatchObject({ rounds: 1, zeroReports: 1, findings: 0, casesReceived: 0 });
    expect(note.judgement).toBeNull();

    const early = await w.app.call('screening:analysisDocx', {
      organisationId: ORGS.yaofu,
      month: '2026-11',
    });
    expect(early).toMatchObject({
      ok: false,
      error: { message: '请先撰写并保存形势研判和工作措施，再导出月度分析' },
    });
    const saved = await w.app.ok('screening:saveAnalysis', {
      organisationId: ORGS.yaofu,
      month: '2026-11',
      judgement: '本月矛盾纠纷总体平稳，邻里纠纷有所增加，主要集中在灌溉和排水问题。',
      measures: '一、入冬前再开展一次集中排查。\n二、对讨薪风险每周回访。',
    });
    expect(saved).toMatchObject({ writtenByName: '测试clerk', figures: { rounds: 2 } });

    const file = await w.app.ok('screening:analysisDocx', { organisationId: ORGS.yaofu, month: '2026-11' });
    expect(file.fileName).toBe('姚伏镇人民调解委员会2026年11月矛盾纠纷排查化解月度分析.docx');
    const docx = Buffer.from(file.dataBase64, 'base64');
    expect(xmlProblems(docx)).toEqual([]);
    const text = documentText(docx);
    expect(text).toContain('本月开展矛盾纠纷排查2次（其中零报告1次），排查发现矛盾纠纷2件、风险隐患1件');
    expect(text).toContain('登记为案件1件');
    expect(text).toContain('邻里纠纷有所增加');
    expect(text).toContain('二、对讨薪风险每周回访。');
    expect(text).toContain('排查次数21增加1');

    // 渠口乡 can neither read nor write 姚伏镇's note.
    await w.asQukou();
    const other = await w.app.call('screening:analysis', { organisationId: ORGS.yaofu, month: '2026-11' });
    expect(other).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const month = await w.app.call('screening:analysis', { organisationId: QUKOU, month: '2026-13' });
    expect(month).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('月份格式') as unknown },
    });
  });
});
