import { describe, expect, it } from 'vitest';
import { aCase } from '../../fixtures/builders';
import type { DocumentKindIdDto } from '../../../main/contract';
import {
  addRecords,
  agreedCase,
  mediatingCase,
  richAgreement,
  RICH_PARTIES,
  workflowWorld,
  type World,
} from './world';

// Documents are offered only where they make sense, and the 司法确认申请书 is refused — with
// the reason shown — exactly where a court would refuse it (domain.md §2).

async function kind(w: World, caseId: string, id: DocumentKindIdDto) {
  const overview = await w.app.ok('documents:list', { caseId });
  return overview.kinds.find((k) => k.kind === id)!;
}

describe('which documents a case offers', () => {
  it('offers the intake forms while mediating, the agreement forms only once an agreement is recorded', async () => {
    const w = await workflowWorld();
    const caseId = await mediatingCase(w);
    const overview = await w.app.ok('documents:list', { caseId });
    const available = overview.kinds.filter((k) => k.available).map((k) => k.kind);
    expect(available).toEqual(['application', 'intake-register', 'rights-notice']);
    expect(overview.kinds.find((k) => k.kind === 'agreement')!.reasons).toEqual([
      '调解成功、登记调解协议后才能生成',
    ]);
    expect(overview.kinds.find((k) => k.kind === 'mediation-record')!.reasons).toEqual(['尚未登记调解记录']);
    expect(overview.kinds.find((k) => k.kind === 'termination-notice')!.reasons).toEqual([
      '调解终止后才能生成',
    ]);
    expect(overview.kinds.find((k) => k.kind === 'dossier-cover')!.reasons).toEqual(['结案后立卷时才能生成']);
    expect(overview.confirmation).toBeNull();
    expect(await w.app.call('documents:generate', { caseId, kind: 'agreement' })).toEqual({
      ok: false,
      error: { code: 'CONFLICT', message: '不能生成人民调解协议书：调解成功、登记调解协议后才能生成' },
    });
  });

  it('says which field to fill in before anything prints', async () => {
    const w = await workflowWorld();
    const [applicant, ...rest] = RICH_PARTIES;
    const caseId = await mediatingCase(w, {
      parties: [{ ...applicant!, occupation: undefined } as typeof applicant & object, ...rest],
    });
    const register = await kind(w, caseId, 'intake-register');
    expect(register).toMatchObject({
      available: false,
      reasons: ['请先补充：当事人 第1项（张志军） › 职业未填写'],
    });
    expect(await w.app.call('documents:generate', { caseId, kind: 'intake-register' })).toMatchObject({
      ok: false,
      error: {
        code: 'CONFLICT',
        message: '不能生成人民调解受理登记表：请先补充：当事人 第1项（张志军） › 职业未填写',
      },
    });
  });

  it('offers the termination notice once the routes told are recorded, and nothing for a voided case', async () => {
    const w = await workflowWorld();
    const caseId = await mediatingCase(w);
    await w.app.ok('workflow:terminate', {
      caseId,
      kind: 'withdrawn',
      reason: '申请人要求终止调解',
      terminatedOn: '2026-11-30',
    });
    expect(await kind(w, caseId, 'termination-notice')).toMatchObject({
      available: false,
      reasons: ['请先登记“告知其他途径”（告知当事人可以通过仲裁、行政、诉讼等途径解决）'],
    });
    await w.app.ok('workflow:informRoutes', {
      caseId,
      routes: ['litigation'],
      how: '当面告知',
      toldOn: '2026-11-30',
    });
    expect(await kind(w, caseId, 'termination-notice')).toMatchObject({ available: true, reasons: [] });

    const voided = await w.newCase({ parties: RICH_PARTIES, repeatReason: '另一起纠纷' });
    await w.app.ok('cases:void', { id: voided, reason: '重复登记' });
    await w.as('mediator');
    const overview = await w.app.ok('documents:list', { caseId: voided });
    expect(overview.kinds.every((k) => !k.available && k.reasons[0] === '案件已作废，不能生成文书')).toBe(
      true,
    );
  });

  it('lets the 受理员 print the intake forms at intake, before any mediator is assigned, and nothing else', async () => {
    const w = await workflowWorld();
    const caseId = await w.newCase({ parties: RICH_PARTIES, repeatReason: '另一起纠纷' });
    // w.newCase leaves the 受理员 signed in, as at the desk.
    const overview = await w.app.ok('documents:list', { caseId });
    expect(overview.kinds.filter((k) => k.available).map((k) => k.kind)).toEqual([
      'application',
      'intake-register',
      'rights-notice',
    ]);
    for (const kindId of ['application', 'intake-register', 'rights-notice'] as const) {
      const version = await w.app.ok('documents:generate', { caseId, kind: kindId });
      expect(version).toMatchObject({ kind: kindId, versionNo: 1 });
    }
    expect(await w.app.call('documents:generate', { caseId, kind: 'investigation-record' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });

  it('asks for the 记录人 from the mediation records, never printing the mediator twice', async () => {
    const w = await workflowWorld();
    const caseId = await mediatingCase(w);
    await w.app.ok('workflow:recordAgreement', richAgreement(caseId));
    expect(await kind(w, caseId, 'agreement')).toMatchObject({
      available: false,
      reasons: ['请先补充：记录人未填写（登记调解记录时写明记录人）'],
    });
    await addRecords(w, caseId);
    expect(await kind(w, caseId, 'agreement')).toMatchObject({ available: true });
  });

  it('offers the oral-agreement register instead of the agreement book, and no confirmation, for an oral agreement', async () => {
    const w = await workflowWorld();
    const { caseId } = await agreedCase(w, { kind: 'oral', effectiveOn: undefined });
    expect(await kind(w, caseId, 'oral-agreement')).toMatchObject({ available: true });
    expect(await kind(w, caseId, 'agreement')).toMatchObject({
      available: false,
      reasons: ['本案为口头协议，请生成人民调解口头协议登记表'],
    });
    expect(await kind(w, caseId, 'confirmation-application')).toMatchObject({
      available: false,
      reasons: ['口头协议不能申请司法确认：须先制作书面调解协议书'],
    });
  });
});

describe('the judicial-confirmation application is refused where a court would refuse it', () => {
  it('refuses an agreement on a status relation (婚姻、收养、亲子)', async () => {
    const w = await workflowWorld();
    const { caseId } = await agreedCase(w, { subjectMatter: 'status_relation' });
    const message = '调解协议涉及婚姻、收养、亲子等身份关系的确认，人民法院不予受理此类司法确认申请。';
    expect(await kind(w, caseId, 'confirmation-application')).toMatchObject({
      available: false,
      reasons: [message],
    });
    expect(await w.app.call('documents:generate', { caseId, kind: 'confirmation-application' })).toEqual({
      ok: false,
      error: { code: 'CONFLICT', message: `不能生成司法确认申请书：${message}` },
    });
    // The agreement itself still prints.
    expect(await kind(w, caseId, 'agreement')).toMatchObject({ available: true });
  });

  it('refuses an ownership determination (确权)', async () => {
    const w = await workflowWorld();
    const { caseId } = await agreedCase(w, { subjectMatter: 'ownership' });
    expect((await kind(w, caseId, 'confirmation-application')).reasons).toEqual([
      '调解协议涉及物权或者知识产权的确权，如宅基地使用权、土地承包经营权的归属，人民法院不予受理此类司法确认申请。',
    ]);
  });

  it('refuses when not every party applies, naming who is missing', async () => {
    const w = await workflowWorld();
    const { caseId } = await agreedCase(w);
    const { confirmation } = await w.app.ok('documents:list', { caseId });
    const [zhang, company] = confirmation!.parties;
    expect(
      await w.app.call('documents:generate', {
        caseId,
        kind: 'confirmation-application',
        confirmation: { applicantPartyIds: [zhang!.id, company!.id] },
      }),
    ).toEqual({
      ok: false,
      error: {
        code: 'CONFLICT',
        message: '不能生成司法确认申请书：司法确认须由全部当事人共同申请，以下当事人未列为申请人：马玉兰。',
      },
    });
    const ok = await w.app.ok('documents:generate', {
      caseId,
      kind: 'confirmation-application',
      confirmation: { applicantPartyIds: confirmation!.parties.map((p) => p.id), propertyRights: true },
    });
    expect(ok.versionNo).toBe(1);
  });

  it('asks whether the agreement concerns property rights when the dispute type cannot tell', async () => {
    const w = await workflowWorld();
    const { caseId } = await agreedCase(w); // a contract dispute: it may or may not
    const { confirmation } = await w.app.ok('documents:list', { caseId });
    expect(confirmation!.propertyRights).toBe('ask');
    const applicantPartyIds = confirmation!.parties.map((p) => p.id);
    expect(
      await w.app.call('documents:generate', {
        caseId,
        kind: 'confirmation-application',
        confirmation: { applicantPartyIds },
      }),
    ).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION',
        message:
          '涉及财产权利：请说明调解协议是否涉及财产权利（如房屋、土地、林木的权属或者使用权）：涉及的，申请书附件须列明与调解协议相关的财产权利证明',
      },
    });
    const answered = await w.app.ok('documents:generate', {
      caseId,
      kind: 'confirmation-application',
      confirmation: { applicantPartyIds, propertyRights: false },
    });
    expect(answered.versionNo).toBe(1);
    // A homestead dispute concerns property rights: nothing to ask.
    const homestead = await agreedCase(w, {}, { disputeType: 'housing_homestead' });
    expect(
      (await w.app.ok('documents:list', { caseId: homestead.caseId })).confirmation!.propertyRights,
    ).toBe('yes');
  });

  it('warns from day 25 and refuses after the 30-day window, counted on the app clock', async () => {
    const w = await workflowWorld();
    const { caseId } = await agreedCase(w); // effective 2026-11-30: last day 2026-12-30
    expect(await kind(w, caseId, 'confirmation-application')).toMatchObject({
      available: true,
      warnings: [],
    });
    expect((await w.app.ok('documents:list', { caseId })).confirmation).toMatchObject({
      court: '平罗县人民法院',
      courtFixed: false,
      deadline: '2026-12-30',
    });

    await w.later(27, 'mediator');
    expect(await kind(w, caseId, 'confirmation-application')).toMatchObject({
      available: true,
      warnings: ['申请期限即将届满：请于2026年12月30日前（含当日）向人民法院提交申请，还剩3日。'],
    });

    await w.later(4, 'mediator'); // 2026-12-31: one day late
    const late =
      '已超过申请期限：调解协议于2026年11月30日生效，应当自生效之日起三十日内即2026年12月30日前（含当日）申请司法确认，现已逾期1日。';
    expect(await kind(w, caseId, 'confirmation-application')).toMatchObject({
      available: false,
      reasons: [late],
    });
    expect(await w.app.call('documents:generate', { caseId, kind: 'confirmation-application' })).toEqual({
      ok: false,
      error: { code: 'CONFLICT', message: `不能生成司法确认申请书：${late}` },
    });
  });

  it('refuses before the agreement has taken effect', async () => {
    const w = await workflowWorld();
    const { caseId } = await agreedCase(w, { effectiveOn: undefined });
    expect((await kind(w, caseId, 'confirmation-application')).reasons).toEqual([
      '调解协议尚未生效：须各方当事人签名、盖章或者按指印，人民调解员签名并加盖人民调解委员会印章后，方可申请司法确认。',
    ]);
    await w.app.ok('workflow:setEffective', { caseId, effectiveOn: '2026-11-30' });
    expect(await kind(w, caseId, 'confirmation-application')).toMatchObject({ available: true });
  });

  it('sends a court-referred case back to the referring court', async () => {
    const w = await workflowWorld();
    const { caseId } = await agreedCase(
      w,
      {},
      { source: 'court_delegated', referringCourt: '石嘴山市大武口区人民法院' },
    );
    expect((await w.app.ok('documents:list', { caseId })).confirmation).toMatchObject({
      court: '石嘴山市大武口区人民法院',
      courtFixed: true,
    });
  });

  it('offers a court-entrusted case no confirmation application, says why, and a report to its court instead', async () => {
    const w = await workflowWorld();
    const { caseId } = await agreedCase(
      w,
      {},
      { source: 'court_entrusted', referringCourt: '平罗县人民法院' },
    );
    const overview = await w.app.ok('documents:list', { caseId });
    expect(overview.confirmation).toBeNull();
    expect(overview.kinds.find((k) => k.kind === 'confirmation-application')).toMatchObject({
      available: false,
      reasons: [
        '本案为法院委托（诉中）案件：人民法院立案后委托调解的，调解协议由平罗县人民法院审查，依法出具民事调解书或者准许撤诉，不适用司法确认。请生成“调解情况说明（协议送交函）”送交平罗县人民法院。',
      ],
    });
    expect(overview.kinds.find((k) => k.kind === 'court-report')).toMatchObject({ available: true });
    const report = await w.app.ok('documents:generate', { caseId, kind: 'court-report' });
    expect(report).toMatchObject({ versionNo: 1, title: '调解情况说明（协议送交函）' });
    // An ordinary case is not offered the report.
    const ordinary = await agreedCase(w);
    expect((await kind(w, ordinary.caseId, 'court-report')).available).toBe(false);
  });

  it('never sends a court-referred case without a recorded court to the default court', async () => {
    const w = await workflowWorld();
    const { caseId } = await agreedCase(
      w,
      {},
      { source: 'court_delegated', referringCourt: '平罗县人民法院' },
    );
    // A row registered before the court was asked for (legacy data): no court recorded.
    w.app.session
      .requireUnlocked()
      .store.sql.run(`UPDATE cases SET referring_court = NULL WHERE id = ?`, caseId);
    const overview = await w.app.ok('documents:list', { caseId });
    expect(overview.confirmation).toMatchObject({ court: null, courtFixed: true });
    expect(overview.kinds.find((k) => k.kind === 'confirmation-application')!.reasons).toEqual([
      '本案为法院委派（诉前）案件，但未记录委派（委托）调解的法院：请先在案件登记中补充该法院，文书不会改送默认法院。',
    ]);
  });

  it('requires the referring court when a case is court-referred', async () => {
    const w = await workflowWorld();
    await w.as('clerk');
    const result = await w.app.call('cases:create', aCase({ source: 'court_entrusted' }));
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION',
        message: '委派（委托）法院：法院委派或委托的案件，请填写委派（委托）调解的法院',
      },
    });
  });
});
