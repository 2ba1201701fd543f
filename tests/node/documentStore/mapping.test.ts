import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentKindIdDto, DocumentVersionDto } from '../../../main/contract';
import { TINY_JPEG } from '../../fixtures/scans';
import { LibreOffice, renderPage, type PdfResult } from '../../helpers/libreoffice';
import { compact, expectInOrder, expectNoBlankFields } from '../documents/assertText';
import {
  addRecords,
  agreedCase,
  mediatingCase,
  RICH_FACTS,
  RICH_TERMS,
  richAgreement,
  workflowWorld,
  type World,
} from './world';

// The whole path from the database to paper: a rich case recorded through the real dispatch
// (three parties, an agent, an organisation, a Hui party, five terms, an amount), every document
// the desk offers generated through documents:generate, then LibreOffice renders each .docx and
// pdftotext reads it back. What a clerk would check on the printout: the case's real names,
// number and terms, nothing blank or "undefined", A4 pages.

const lo = new LibreOffice();
let w: World;
const versions: Partial<Record<DocumentKindIdDto, DocumentVersionDto>> = {};
const pdfs: Record<string, PdfResult> = {};
// The county centre registers each case (intake number) and dispatches it to the medical committee,
// which gives it its own number on acceptance: the agreement and file documents carry that one.
const numbers = { agreed: '', agreedIntake: '', terminated: '', oral: '', volume: '' };

async function generateAll(caseId: string, only?: DocumentKindIdDto[]): Promise<Record<string, Buffer>> {
  const overview = await w.app.ok('documents:list', { caseId });
  const files: Record<string, Buffer> = {};
  // The clerk answers the confirmation dialog: all parties apply; the land transfer concerns property rights.
  const confirmation = overview.confirmation
    ? { applicantPartyIds: overview.confirmation.parties.map((p) => p.id), propertyRights: true }
    : undefined;
  for (const k of overview.kinds.filter((k) => k.available && (!only || only.includes(k.kind)))) {
    const version = await w.app.ok('documents:generate', {
      caseId,
      kind: k.kind,
      ...(k.kind === 'confirmation-application' && confirmation ? { confirmation } : {}),
    });
    versions[k.kind] = version;
    const file = await w.app.ok('documents:get', { versionId: version.id });
    files[k.kind] = Buffer.from(file.dataBase64, 'base64');
  }
  return files;
}

beforeAll(async () => {
  w = await workflowWorld();
  // 1. A written agreement, performed, visited and closed: everything but the two failure/oral forms.
  const { caseId, workflow } = await agreedCase(w);
  numbers.agreed = workflow.agreement!.number;
  numbers.agreedIntake = (await w.app.ok('cases:get', { id: caseId })).caseNumber;
  await w.app.ok('workflow:beginPerformance', { caseId });
  await w.app.ok('workflow:recordVisit', {
    caseId,
    visitedOn: '2026-11-30',
    visitor: '马秀英',
    performanceStatus: 'performed',
    satisfaction: 'satisfied',
    escalationSigns: false,
    situation: '被申请人已通过银行转账付清全部流转费，看护房、晒场已拆除。',
    measures: '告知当事人妥善保管转账凭证。',
  });
  await w.app.ok('workflow:close', { caseId, note: '协议已履行完毕。' });
  // 立卷 (issue 13): the archive papers print the filed dossier, with the paper scanned in for it.
  const filed = await w.app.ok('dossiers:file', { caseId, retention: '长期' });
  numbers.volume = filed.dossier!.volumeNumber;
  for (const item of ['id-proofs', 'powers-of-attorney', 'agreement'] as const) {
    await w.app.ok('dossiers:attachPaper', {
      caseId,
      item,
      fileName: `${item}.jpg`,
      mimeType: 'image/jpeg',
      dataBase64: TINY_JPEG.toString('base64'),
    });
  }
  const files = await generateAll(caseId);

  // 2. A mediation that failed: the termination notice (告知其他途径).
  const failed = await mediatingCase(w);
  await addRecords(w, failed);
  await w.app.ok('workflow:terminate', {
    caseId: failed,
    kind: 'failed',
    reason: '被申请人明确表示不同意解除合同',
    terminatedOn: '2026-11-30',
  });
  const informed = await w.app.ok('workflow:informRoutes', {
    caseId: failed,
    routes: ['arbitration', 'litigation'],
    how: '当面告知并送达告知书',
    toldOn: '2026-11-30',
  });
  numbers.terminated = (await w.app.ok('cases:get', { id: informed.caseId })).handlingNumber!;
  Object.assign(files, await generateAll(failed, ['termination-notice']));

  // 3. An oral agreement: 口头协议登记表 (its 记录人 is the one named in the mediation record).
  const oral = await mediatingCase(w);
  await addRecords(w, oral);
  const oralFlow = await w.app.ok('workflow:recordAgreement', {
    ...richAgreement(oral),
    kind: 'oral',
    effectiveOn: undefined,
  });
  numbers.oral = oralFlow.agreement!.number;
  Object.assign(files, await generateAll(oral, ['oral-agreement']));

  Object.assign(pdfs, await lo.convert(files));
  // The text as pdftotext read it, beside the page images, for a person checking a failure.
  mkdirSync('test-results/documentStore', { recursive: true });
  for (const [kind, pdf] of Object.entries(pdfs))
    writeFileSync(`test-results/documentStore/${kind}.txt`, pdf.text);
}, 240_000);

afterAll(() => lo.dispose());

const text = (kind: DocumentKindIdDto) => compact(pdfs[kind]!.text);

describe('every document of a case recorded through the desk, rendered by LibreOffice', () => {
  it('generated all thirteen forms across the three cases', () => {
    expect(Object.keys(pdfs).sort()).toEqual(
      [
        'application',
        'intake-register',
        'rights-notice',
        'investigation-record',
        'mediation-record',
        'agreement',
        'oral-agreement',
        'confirmation-application',
        'termination-notice',
        'return-visit',
        'dossier-cover',
        'dossier-contents',
        'dossier-note',
      ].sort(),
    );
  });

  it('prints every page on A4 with no blank field and nothing undefined', () => {
    for (const [kind, pdf] of Object.entries(pdfs)) {
      expect(pdf.pageSize.width, kind).toBeGreaterThanOrEqual(595);
      expect(pdf.pageSize.width, kind).toBeLessThan(596);
      expect(pdf.pageSize.height, kind).toBeGreaterThanOrEqual(841);
      expect(pdf.pageSize.height, kind).toBeLessThan(842);
      expectNoBlankFields(pdf.text);
    }
  });

  it('prints the agreement with the real parties, facts, all five terms, copies, signatures and its 核验码', () => {
    const agreement = versions.agreement!;
    expectInOrder(pdfs.agreement!.text, [
      '人民调解协议书',
      `编号：${numbers.agreed}`,
      '申请人：张志军，男，汉族，1975年6月18日出生',
      '居民身份证号码：640221197506181210',
      '委托代理人：张晓峰，申请人之子',
      '被申请人：宁夏塞上沃土农业发展有限公司，统一社会信用代码：91640221MA76K3P8XF',
      '法定代表人：王建国，总经理',
      '第三人：马玉兰，女，回族',
      '纠纷主要事实、争议事项及各方当事人的责任',
      RICH_FACTS,
      '经调解，自愿达成如下协议：',
      ...RICH_TERMS.map((t, i) => `${'一二三四五'[i]}、${t}`),
      '履行方式：银行转账至申请人、第三人本人账户',
      '履行期限：2026年12月31日前',
      '人民币86,300.00元（大写：捌万陆仟叁佰元整）',
      '本协议一式4份',
      '申请人：张志军',
      '主持调解员：马秀英',
      '记录人：杨帆',
      '平罗县医疗纠纷人民调解委员会（印章）',
      '2026年11月30日',
    ]);
    expect(text('agreement')).toContain(`核验码：${agreement.shortCode}`);
  });

  it('lists every party as a joint applicant of the confirmation, addressed to the county court', () => {
    expectInOrder(pdfs['confirmation-application']!.text, [
      '司法确认申请书',
      '申请人：张志军',
      '申请人：宁夏塞上沃土农业发展有限公司',
      '申请人：马玉兰',
      `确认申请人于2026年11月30日经平罗县医疗纠纷人民调解委员会主持调解达成的调解协议（编号：${numbers.agreed}）有效`,
      // The quoted term names everyone as 申请人, with the role they had in the agreement.
      '申请人宁夏塞上沃土农业发展有限公司（原被申请人）于2026年12月20日前向申请人张志军支付',
      '此致',
      '平罗县人民法院',
    ]);
    expect(text('confirmation-application')).not.toContain('被申请人：');
  });

  it('fills the intake, record and visit forms from what was recorded', () => {
    expectInOrder(pdfs.application!.text, [
      '人民调解申请书',
      '张志军',
      '640221197506181210',
      '请求被申请人支付拖欠的土地流转费58,300元',
      '请求被申请人拆除地上附着物',
    ]);
    expect(numbers.agreed).toBe('（2026）平医调字第0001号');
    expect(numbers.agreedIntake).toBe('（2026）平调字第0001号');
    expectInOrder(pdfs.application!.text, ['人民调解申请书', `受理编号：${numbers.agreedIntake}`]);
    expectInOrder(pdfs['intake-register']!.text, [
      '人民调解受理登记表',
      numbers.agreedIntake,
      '合同',
      '☑当事人申请',
      '马秀英',
      '测试clerk',
    ]);
    expectInOrder(pdfs['rights-notice']!.text, [
      '当事人权利义务告知书',
      `编号：${numbers.agreed}`,
      '张志军、宁夏塞上沃土农业发展有限公司、马玉兰：',
    ]);
    expectInOrder(pdfs['investigation-record']!.text, [
      '时间：2026年11月30日8时05分',
      '地点：渠口乡六顷地村村民委员会',
      '调查人：马秀英',
      '记录人：杨帆',
      '被调查人：周文斌（六顷地村村委会主任）',
      '在场人：六顷地村会计韩立',
      '问：张志军、马玉兰的承包地流转时村委会是否备案？',
      '答：2021年3月村委会统一备案',
    ]);
    expectInOrder(pdfs['mediation-record']!.text, [
      '平罗县人民调解中心第一调解室',
      '周文斌（六顷地村村委会主任）',
      '调解员马秀英：根据村委会备案的合同',
      '经调解，各方自愿达成书面调解协议',
    ]);
    expectInOrder(pdfs['return-visit']!.text, [
      '人民调解回访记录',
      numbers.agreed,
      '已全部履行',
      '被申请人已通过银行转账付清全部流转费',
      '满意',
      '马秀英',
    ]);
  });

  it('opens the case file: cover, contents in binding order, back cover', () => {
    expectInOrder(pdfs['dossier-cover']!.text, [
      '平罗县医疗纠纷人民调解委员会',
      '调解卷宗',
      numbers.volume,
      '马秀英',
      '长期',
    ]);
    expectInOrder(pdfs['dossier-contents']!.text, [
      '人民调解申请书',
      '人民调解受理登记表',
      '当事人权利义务告知书',
      '当事人身份证明',
      '授权委托书',
      '人民调解调查记录',
      '人民调解记录',
      '人民调解协议书',
      '人民调解回访记录',
      '备考表',
    ]);
    expect(text('dossier-note')).toContain('本卷共有文件材料10件');
  });

  it('tells the parties of a failed mediation which other routes they have, and records an oral agreement', () => {
    expectInOrder(pdfs['termination-notice']!.text, [
      '调解终止告知书',
      '被申请人明确表示不同意解除合同',
      '你们可以依法通过申请仲裁，或者向人民法院起诉等途径维护自己的权利',
    ]);
    expect(text('termination-notice')).toContain(compact(numbers.terminated));
    expectInOrder(pdfs['oral-agreement']!.text, [
      '人民调解口头协议登记表',
      `编号：${numbers.oral}`,
      RICH_TERMS[4]!,
    ]);
  });

  it('renders page 1 of the agreement for a person to look at', async () => {
    const png = await renderPage(
      pdfs.agreement!.pdfPath,
      'test-results/documentStore/agreement-page1',
      1,
      80,
    );
    expect(existsSync(png)).toBe(true);
    expect(statSync(png).size).toBeGreaterThan(10_000);
    await renderPage(
      pdfs.agreement!.pdfPath,
      'test-results/documentStore/agreement-last',
      pdfs.agreement!.pages,
      80,
    );
  });
});
