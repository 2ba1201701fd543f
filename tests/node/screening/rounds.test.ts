import { describe, expect, it } from 'vitest';
import { aRound, foundCase, ORGS, QUKOU, screeningWorld } from './world';

// 排查 (两排查): a round of one organisation with what it found. Each finding becomes a case with
// source 主动调解, is linked to a case, or is noted as 已化解 / 持续关注; 零报告 is a valid round;
// a committee records and reads its own organisations' rounds only.

describe('screening rounds', () => {
  it('records a round whose found dispute becomes a 主动调解 case, one linked, one settled, one watched', async () => {
    const w = await screeningWorld();
    const existing = await w.newCase();
    await w.as('clerk');
    const round = await w.app.ok(
      'screening:record',
      aRound({
        method: 'focused',
        area: '永丰村、五香村',
        findings: [
          foundCase(),
          {
            kind: 'dispute',
            summary: '马玉兰与卫生院纠纷有新进展，家属情绪激动',
            disposition: 'linked',
            caseId: existing,
          },
          {
            kind: 'dispute',
            summary: '两户因耕地灌溉顺序争执',
            disposition: 'resolved',
            note: '村调委会当场协调，约定轮灌顺序',
          },
          { kind: 'risk', summary: '外出务工人员讨薪，可能聚集', disposition: 'watch', note: '每周电话回访' },
        ],
      }),
    );
    expect(round).toMatchObject({
      organisationName: '姚伏镇人民调解委员会',
      method: 'focused',
      zeroReport: false,
      recordedByName: '测试clerk',
    });
    expect(round.findings.map((f) => [f.seq, f.disposition])).toEqual([
      [1, 'new_case'],
      [2, 'linked'],
      [3, 'resolved'],
      [4, 'watch'],
    ]);
    const registered = round.findings[0]!;
    expect(registered.caseNumber).toMatch(/姚/);
    const detail = await w.app.ok('cases:get', { id: registered.caseId! });
    expect(detail).toMatchObject({
      source: 'proactive',
      committeeId: ORGS.yaofu,
      partyNames: expect.stringContaining('杨金花') as unknown,
    });
    expect(round.findings[1]).toMatchObject({ caseId: existing, caseNumber: expect.any(String) as unknown });

    // 零报告: a round that found nothing is a valid round.
    const zero = await w.app.ok('screening:record', aRound({ heldOn: '2026-11-29', findings: [] }));
    expect(zero).toMatchObject({ zeroReport: true, findings: [] });
    const listed = await w.app.ok('screening:list', { organisationId: ORGS.yaofu });
    expect(listed.map((r) => [r.heldOn, r.zeroReport, r.findings.length])).toEqual([
      ['2026-11-30', false, 4],
      ['2026-11-29', true, 0],
    ]);
  });

  it('says what is missing, and writes nothing when the found case cannot be registered', async () => {
    const w = await screeningWorld();
    await w.as('clerk');
    const noNote = await w.app.call(
      'screening:record',
      aRound({ findings: [{ kind: 'dispute', summary: '口角纠纷一起', disposition: 'resolved' }] }),
    );
    expect(noNote).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: expect.stringContaining('已化解：请写明如何化解') as unknown },
    });
    const noCase = await w.app.call(
      'screening:record',
      aRound({ findings: [{ kind: 'dispute', summary: '口角纠纷一起', disposition: 'linked' }] }),
    );
    expect(noCase).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('请选择案件') as unknown },
    });
    const bad = foundCase();
    const badTownship = await w.app.call(
      'screening:record',
      aRound({
        findings: [
          { kind: 'risk', summary: '看护房失火隐患', disposition: 'watch', note: '已通知消防' },
          { ...bad, newCase: { ...bad.newCase!, township: '不存在镇' } },
        ],
      }),
    );
    expect(badTownship).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: expect.stringContaining('排查发现第2条') as unknown },
    });
    expect(await w.app.ok('screening:list', {})).toEqual([]);
    expect((await w.app.ok('cases:list', { page: 1, pageSize: 20 })).items).toEqual([]);
  });

  it('lets a mediator record a round but register a case only through an intake clerk', async () => {
    const w = await screeningWorld();
    await w.as('mediator');
    const refused = await w.app.call(
      'screening:record',
      aRound({ organisationId: ORGS.county, findings: [foundCase(ORGS.county)] }),
    );
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: expect.stringContaining('登记为案件需要受理员权限') as unknown },
    });
    const ok = await w.app.ok(
      'screening:record',
      aRound({ organisationId: ORGS.county, area: '县城各小区' }),
    );
    expect(ok.zeroReport).toBe(true);
  });

  it('keeps each committee to its own rounds and cases', async () => {
    const w = await screeningWorld();
    const yaofuCase = await w.newCase();
    await w.as('clerk');
    await w.app.ok('screening:record', aRound({ findings: [foundCase()] }));
    await w.asQukou();
    // Another township's rounds are not listed, nor recorded into, nor linked to its cases.
    expect(await w.app.ok('screening:list', {})).toEqual([]);
    const into = await w.app.call('screening:record', aRound());
    expect(into).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: expect.stringContaining('只能选择您所属的调解组织') as unknown },
    });
    const linked = await w.app.call(
      'screening:record',
      aRound({
        organisationId: QUKOU,
        findings: [
          { kind: 'dispute', summary: '与姚伏镇案件相关', disposition: 'linked', caseId: yaofuCase },
        ],
      }),
    );
    expect(linked).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: '未找到该案件' } });
    const listOther = await w.app.call('screening:list', { organisationId: ORGS.yaofu });
    expect(listOther).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const own = await w.app.ok('screening:record', aRound({ organisationId: QUKOU, area: '渠口乡各村' }));
    expect(own.organisationName).toBe('渠口乡人民调解委员会');
    expect((await w.app.ok('screening:list', {})).map((r) => r.organisationId)).toEqual([QUKOU]);
  });
});
