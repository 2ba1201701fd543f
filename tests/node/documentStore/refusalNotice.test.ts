import { afterAll, describe, expect, it } from 'vitest';
import { SEED } from '../../fixtures/builders';
import { xmlParts } from '../../helpers/docxXml';
import { addUser, setUpApp, switchUser } from '../../helpers/app';
import { LibreOffice } from '../../helpers/libreoffice';
import { compact, expectInOrder, expectNoBlankFields } from '../documents/assertText';

// 不予受理告知书: the visitor leaves with the reason, its legal basis and where else to go, as a
// .docx like the other forms (rendered by LibreOffice and read back here).

const lo = new LibreOffice();
afterAll(() => lo.dispose());

async function clerkApp() {
  const app = await setUpApp();
  const clerk = await addUser(app, 'clerk', ['intake']);
  await switchUser(app, clerk.username, clerk.password);
  return app;
}

describe('不予受理告知书', () => {
  it('states the reason with its legal basis and the other routes, with a receipt to sign', async () => {
    const app = await clerkApp();
    const refusal = await app.ok('intake:refuse', {
      receivedOn: '2026-11-30',
      applicantName: '马福海',
      applicantPhone: '13909521888',
      otherPartyName: '宁夏塞上沃土农业有限公司',
      township: '渠口乡',
      disputeType: 'migrant_wages',
      summary: '马福海称在该公司工地务工三个月，工资两万一千元未付。',
      reason: 'party_refused',
      reasonDetail: '公司负责人到场后明确表示不同意调解，要求走劳动仲裁。',
      told: '已告知可以申请劳动仲裁或者起诉。',
      routes: ['arbitration', 'litigation', 'police'],
    });
    expect(refusal.routes).toEqual(['arbitration', 'litigation', 'police']);

    const file = await app.ok('intake:refusalNotice', { id: refusal.id });
    expect(file.fileName).toBe('不予受理告知书-马福海-2026-11-30.docx');
    const pdf = await lo.convertOne('refusal', Buffer.from(file.dataBase64, 'base64'));
    expectNoBlankFields(pdf.text);
    expect(pdf.pages).toBe(1);
    expectInOrder(pdf.text, [
      '不予受理告知书',
      '马福海：',
      '你于2026年11月30日向本委员会申请调解你与宁夏塞上沃土农业有限公司之间的农民工工资纠纷。',
      '经审查，对方当事人明确拒绝调解，依照《中华人民共和国人民调解法》第十七条的规定，本委员会决定不予受理。',
      '具体情况：公司负责人到场后明确表示不同意调解，要求走劳动仲裁。',
      '你可以依法通过以下途径解决：',
      // 农民工工资 reports as 劳动争议: the labour arbitration body, not a commercial one.
      '（一）向劳动人事争议仲裁委员会申请仲裁；',
      '（二）向平罗县人民法院提起诉讼；',
      '（三）涉及违法犯罪的，向公安机关报案或者求助。',
      '特此告知。',
      '平罗县人民调解中心',
      '2026年11月30日',
      '送达回执：本告知书已收到。',
      '来访人（签名或者按指印）：',
    ]);

    // Each copy is audited: it left the encrypted store.
    await switchUser(app, 'admin', 'Admin1234');
    const audit = await app.ok('audit:list', { action: 'intake:refusalNotice' });
    expect(compact(JSON.stringify(audit.items))).toContain('不予受理告知书：马福海（2026-11-30）');
  }, 60_000);

  it('is printed at the intake desk, not by a mediator', async () => {
    const app = await clerkApp();
    const refusal = await app.ok('intake:refuse', {
      receivedOn: '2026-11-30',
      applicantName: '王五',
      township: '城关镇',
      disputeType: 'contract',
      summary: '买卖合同货款纠纷，对方已起诉。',
      reason: 'already_accepted',
      told: '已告知：该纠纷已由人民法院受理。',
    });
    const mediator = await (async () => {
      await switchUser(app, 'admin', 'Admin1234');
      return addUser(app, 'mediator', ['mediator']);
    })();
    await switchUser(app, mediator.username, mediator.password);
    expect(await app.call('intake:refusalNotice', { id: refusal.id })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });

  it('is issued by the committee whose desk refused, whoever prints it', async () => {
    const app = await clerkApp();
    await switchUser(app, 'admin', 'Admin1234');
    const medical = await addUser(app, 'yiliao', ['intake'], 'Passw0rd1', {
      organisationIds: [SEED.medicalCommitteeId],
    });
    await switchUser(app, medical.username, medical.password);
    const refusal = await app.ok('intake:refuse', {
      receivedOn: '2026-11-30',
      applicantName: '李秀兰',
      township: '城关镇',
      disputeType: 'medical',
      summary: '李秀兰称手术后感染，要求医院赔偿，医院已申请医疗事故技术鉴定。',
      reason: 'already_accepted',
      told: '已告知：该纠纷已由人民法院受理。',
    });
    const noticeText = async () => {
      const file = await app.ok('intake:refusalNotice', { id: refusal.id });
      const xml = xmlParts(Buffer.from(file.dataBase64, 'base64')).find(
        (p) => p.name === 'word/document.xml',
      )!;
      return [...xml.text.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
    };
    expect(await noticeText()).toContain('平罗县医疗纠纷人民调解委员会');
    // The county centre's clerk sees its sector committees' refusals and prints the same notice.
    await switchUser(app, 'clerk', 'Passw0rd1');
    const text = await noticeText();
    expect(text).toContain('平罗县医疗纠纷人民调解委员会');
    expect(text).not.toContain('平罗县人民调解中心');
  });
});
