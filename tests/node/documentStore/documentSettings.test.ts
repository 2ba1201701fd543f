import { describe, expect, it } from 'vitest';
import { xmlParts } from '../../helpers/docxXml';
import { agreedCase, workflowWorld, type World } from './world';

// 系统设置 → 文书设置: the 管理员 sets the court a 司法确认申请书 goes to by default, how dates are
// written on the forms, and the 保管期限 proposed at 立卷. What changes on paper is what counts.

/** The text of a generated document's body, runs joined (word joiners inside codes dropped). */
async function bodyText(w: World, caseId: string, kind: 'agreement' | 'confirmation-application') {
  const overview = await w.app.ok('documents:list', { caseId });
  const version = await w.app.ok('documents:generate', {
    caseId,
    kind,
    ...(kind === 'confirmation-application'
      ? {
          confirmation: {
            applicantPartyIds: overview.confirmation!.parties.map((p) => p.id),
            propertyRights: true,
          },
        }
      : {}),
  });
  const file = await w.app.ok('documents:get', { versionId: version.id });
  const xml = xmlParts(Buffer.from(file.dataBase64, 'base64')).find((p) => p.name === 'word/document.xml')!;
  return [...xml.text.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
    .map((m) => m[1])
    .join('')
    .replace(/\u2060/g, '');
}

describe('文书设置', () => {
  it('the forms print the court and the date style the 管理员 set, and 立卷 proposes the retention', async () => {
    const w = await workflowWorld();
    await w.as('admin');
    expect(await w.app.ok('documents:settings', {})).toEqual({
      defaultCourt: '平罗县人民法院',
      dateStyle: 'arabic',
      retention: '长期',
      county: '平罗县',
    });
    const saved = await w.app.ok('documents:saveSettings', {
      defaultCourt: '  平罗县人民法院城关人民法庭 ',
      dateStyle: 'chinese',
      retention: '30年',
    });
    expect(saved).toMatchObject({
      defaultCourt: '平罗县人民法院城关人民法庭',
      dateStyle: 'chinese',
      retention: '30年',
    });
    const [entry] = (await w.app.ok('audit:list', { page: 1, pageSize: 1 })).items;
    expect(entry).toMatchObject({ action: 'documents:saveSettings' });
    expect(entry!.detail).toBe(
      '默认司法确认法院：平罗县人民法院 → 平罗县人民法院城关人民法庭；' +
        '文书日期格式：2026年12月6日（阿拉伯数字） → 二〇二六年十二月六日（汉字数字）；卷宗保管期限：长期 → 30年',
    );

    await w.as('mediator');
    const { caseId } = await agreedCase(w);
    const application = await bodyText(w, caseId, 'confirmation-application');
    expect(application).toContain('平罗县人民法院城关人民法庭');
    expect(application).toMatch(/二〇二[〇一二三四五六七八九]年/);
    expect(application).toContain('一九七五年六月十八日出生'); // the terms keep the dates the parties wrote
    expect(await bodyText(w, caseId, 'agreement')).toMatch(
      /二〇二[〇一二三四五六七八九]年[〇一二三四五六七八九十]+月/,
    );
    expect((await w.app.ok('dossiers:get', { caseId })).retentionDefault).toBe('30年');
  });

  it('refuses what is not a court or not an option, in Chinese, and changes nothing', async () => {
    const w = await workflowWorld();
    await w.as('admin');
    const bad = await w.app.call('documents:saveSettings', {
      defaultCourt: '平罗县',
      dateStyle: 'roman',
      retention: '一百年',
    } as never);
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.error.code).toBe('VALIDATION');
    const messages = (bad.error.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^defaultCourt: .*请填写人民法院或人民法庭的全称，如：平罗县人民法院/),
        expect.stringMatching(/^dateStyle: .*请选择文书日期格式/),
        expect.stringMatching(/^retention: .*请选择卷宗保管期限/),
      ]),
    );
    expect(await w.app.ok('documents:settings', {})).toMatchObject({
      defaultCourt: '平罗县人民法院',
      retention: '长期',
    });
    // Only the 管理员 changes them.
    await w.as('clerk');
    const refused = await w.app.call('documents:saveSettings', {
      defaultCourt: '平罗县人民法院',
      dateStyle: 'arabic',
      retention: '长期',
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
