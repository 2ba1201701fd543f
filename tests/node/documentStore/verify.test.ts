import { describe, expect, it } from 'vitest';
import { addUser, ADMIN, switchUser } from '../../helpers/app';
import { agreedCase, workflowWorld } from './world';

// 核验: the short code printed under the agreement's QR code (or the QR payload a scanner
// reads) is checked against the agreement versions this office stored.

describe('核验 of a printed agreement', () => {
  it('verifies the short code and the QR payload, names the case and version, and says it is the latest', async () => {
    const w = await workflowWorld();
    const { caseId } = await agreedCase(w);
    const v1 = await w.app.ok('documents:generate', { caseId, kind: 'agreement' });
    const code = v1.shortCode!;
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);

    // A 档案员 (read-only) checks it, typed sloppily: lower case, spaces instead of dashes.
    await switchUser(w.app, ADMIN.username, ADMIN.password);
    const archivist = await addUser(w.app, 'dangan', ['archivist']);
    await switchUser(w.app, archivist.username, archivist.password);
    const typed = await w.app.ok('documents:verify', { code: ` ${code.toLowerCase().replace(/-/g, ' ')} ` });
    expect(typed).toEqual({
      verdict: 'valid',
      message:
        '与本单位出具的人民调解协议书（案号（2026）平调字第0001号，第1版）内容一致，是该协议书的最新版本。',
      shortCode: code,
      match: {
        caseId,
        caseNumber: '（2026）平调字第0001号',
        partyNames: expect.stringContaining('张志军') as unknown,
        committeeName: '平罗县医疗纠纷人民调解委员会',
        // The medical committee's own number, given when it accepted the centre's case.
        agreementNumber: '（2026）平医调字第0001号',
        versionNos: [1],
        generatedAt: v1.generatedAt,
        generatedByName: '测试tiaojie',
        latestVersionNo: 1,
        isLatest: true,
      },
    });

    // The QR payload: the case's (intake) number, the agreement's (handling) number, the fingerprint.
    const payload = ['TJHY1', '（2026）平调字第0001号', '（2026）平医调字第0001号', v1.fingerprint].join('|');
    expect(await w.app.ok('documents:verify', { code: payload })).toMatchObject({
      verdict: 'valid',
      match: { versionNos: [1] },
    });
  });

  it('rejects a tampered or unknown code, and a QR payload whose hash does not match', async () => {
    const w = await workflowWorld();
    const { caseId } = await agreedCase(w);
    const v1 = await w.app.ok('documents:generate', { caseId, kind: 'agreement' });
    const code = v1.shortCode!;
    const tampered = `${code.slice(0, -1)}${code.endsWith('0') ? '1' : '0'}`;
    const unknown = await w.app.ok('documents:verify', { code: tampered });
    expect(unknown).toMatchObject({ verdict: 'unknown', match: null, shortCode: tampered });
    expect(unknown.message).toContain('未找到与该核验码相符的协议书');

    const forged = ['TJHY1', '（2026）平调字第0001号', '（2026）平调字第0001号', 'f'.repeat(64)].join('|');
    expect(await w.app.ok('documents:verify', { code: forged })).toMatchObject({ verdict: 'unknown' });
    // The right hash under another case number is not this office's document either.
    const moved = ['TJHY1', '（2026）平调字第0099号', '（2026）平调字第0099号', v1.fingerprint].join('|');
    expect(await w.app.ok('documents:verify', { code: moved })).toMatchObject({ verdict: 'unknown' });

    expect(await w.app.ok('documents:verify', { code: '12345' })).toEqual({
      verdict: 'invalid',
      message: '核验码应为12位字母数字（如 7K2M-9QXA-4D1F），或扫描协议书上的二维码',
      shortCode: null,
      match: null,
    });
    expect(await w.app.call('documents:verify', { code: '' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
  });

  it('knows every version that carries the code, and tells an older printout from the latest', async () => {
    const w = await workflowWorld();
    const { caseId } = await agreedCase(w);
    const v1 = await w.app.ok('documents:generate', { caseId, kind: 'agreement' });
    // Dates printed in Chinese numerals: new bytes, the same agreement, so the same code.
    await w.app.session.transaction(async (repos) => repos.settings.set('documents.dateStyle', 'chinese'));
    const v2 = await w.app.ok('documents:generate', { caseId, kind: 'agreement' });
    expect(v2).toMatchObject({ versionNo: 2, unchanged: false });
    expect(v2.sha256).not.toBe(v1.sha256);
    expect(v2.shortCode).toBe(v1.shortCode);
    expect(await w.app.ok('documents:verify', { code: v1.shortCode! })).toMatchObject({
      verdict: 'valid',
      match: { versionNos: [1, 2], latestVersionNo: 2, isLatest: true },
    });

    // A correction to the agreement's terms (made in the store directly: the workflow has no edit
    // step yet), then a new version: the old printout no longer is the latest.
    await w.app.session.transaction(async (repos) => {
      const a = repos.workflow.agreement(caseId)!;
      const terms = JSON.parse(a.terms) as string[];
      terms[0] = terms[0]!.replace('58,300', '58,800');
      repos.workflow.updateAgreement({ ...a, terms: JSON.stringify(terms), version: a.version + 1 });
    });
    const v3 = await w.app.ok('documents:generate', { caseId, kind: 'agreement' });
    expect(v3.shortCode).not.toBe(v1.shortCode);
    const old = await w.app.ok('documents:verify', { code: v1.shortCode! });
    expect(old).toMatchObject({
      verdict: 'superseded',
      match: { versionNos: [1, 2], latestVersionNo: 3, isLatest: false },
    });
    expect(old.message).toBe(
      '与本单位出具的人民调解协议书（案号（2026）平调字第0001号，第1、2版）内容一致，但该协议书之后已重新生成第3版，内容有变化，请以最新版本为准。',
    );
    expect(await w.app.ok('documents:verify', { code: v3.shortCode! })).toMatchObject({
      verdict: 'valid',
      match: { versionNos: [3] },
    });
  });
});
