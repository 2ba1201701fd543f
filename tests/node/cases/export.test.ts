import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { CaseListItem } from '../../../main/contract';
import { EXPORT_PAGE, exportCaseList, type ListPage } from '../../../main/core/cases/export';
import type { ServiceContext } from '../../../main/core/context';
import { ManualClock } from '../../../main/core/clock';
import { addUser, setUpApp, switchUser } from '../../helpers/app';
import { aCase, anOrganisation, aPerson } from '../../fixtures/builders';

// 导出 of the case list (.xlsx): exactly the rows the list shows for the same conditions, every
// page of them, ID numbers masked, by those who may, each export audited.

async function readSheet(base64: string) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
  const rows = (name: string) => {
    const out: unknown[][] = [];
    workbook.getWorksheet(name)!.eachRow((row) => out.push((row.values as unknown[]).slice(1)));
    return out;
  };
  return { cases: rows('案件列表'), about: rows('导出说明') };
}

describe('exporting the case list', () => {
  it('writes the rows the list shows for the same conditions, IDs masked, and audits it', async () => {
    const app = await setUpApp();
    const clerk = await addUser(app, 'clerk', ['intake']);
    await switchUser(app, clerk.username, clerk.password);
    await app.ok('cases:create', aCase());
    await app.ok(
      'cases:create',
      aCase({
        township: '城关镇',
        village: undefined,
        repeatReason: '另一纠纷，与前案无关',
        parties: [
          aPerson({ name: '张志军', idNumber: '640221198001010015' }),
          anOrganisation({ name: '宁夏塞上沃土农业有限公司', creditCode: '91640221MA76K3P8XF' }),
        ],
      }),
    );
    await app.ok(
      'cases:create',
      aCase({
        township: '渠口乡',
        parties: [aPerson({ name: '李四', idNumber: '440524188001010014' }), anOrganisation()],
        repeatReason: '另一纠纷，与前案无关',
      }),
    );

    const conditions = { township: '城关镇' } as const;
    const listed = await app.ok('cases:list', { ...conditions, pageSize: 200 });
    const exported = await app.ok('cases:export', { ...conditions, mode: 'download' });
    expect(exported).toMatchObject({ mode: 'download', done: true, rows: listed.total });
    expect(exported.file!.fileName).toMatch(/^案件列表-\d{12}\.xlsx$/);
    const { cases, about } = await readSheet(exported.file!.dataBase64);
    expect(cases[0]).toEqual(expect.arrayContaining(['案号', '当事人', '当事人证件号码（已遮蔽）']));
    expect(cases.slice(1).map((r) => r[1])).toEqual(listed.items.map((i) => i.caseNumber));
    expect(cases[1]).toEqual(
      expect.arrayContaining([
        '张志军 与 宁夏塞上沃土农业有限公司',
        '张志军 640221********0015；宁夏塞上沃土农业有限公司 91640221MA76K3P8XF',
        '城关镇',
        '已受理',
      ]),
    );
    expect(JSON.stringify(cases)).not.toContain('640221198001010015');
    expect(about).toEqual(
      expect.arrayContaining([
        ['导出人', '测试clerk'],
        ['查询条件', '乡镇：城关镇'],
        ['案件数', '1'],
      ]),
    );

    // The search box too: the same cases as the list finds.
    const searched = await app.ok('cases:export', { query: '马玉兰', mode: 'download' });
    const found = await app.ok('cases:list', { query: '马玉兰' });
    expect((await readSheet(searched.file!.dataBase64)).cases.slice(1).map((r) => r[1])).toEqual(
      found.items.map((i) => i.caseNumber),
    );

    await switchUser(app, 'admin', 'Admin1234');
    const audit = await app.ok('audit:list', { action: 'cases:export' });
    expect(audit.items.map((e) => e.detail)).toEqual([
      '导出案件列表 1 件（搜索“马玉兰”）',
      '导出案件列表 1 件（乡镇：城关镇）',
    ]);
  });

  it('is for those who may: not a mediator; and “另存为” only on the desktop', async () => {
    const app = await setUpApp();
    const mediator = await addUser(app, 'mediator', ['mediator']);
    await switchUser(app, mediator.username, mediator.password);
    expect(await app.call('cases:export', { mode: 'download' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    await switchUser(app, 'admin', 'Admin1234');
    const leader = await addUser(app, 'leader', ['leader']);
    await switchUser(app, leader.username, leader.password);
    expect(await app.call('cases:export', { mode: 'download' })).toMatchObject({
      ok: true,
      value: { rows: 0 },
    });
    expect(await app.call('cases:export', { mode: 'saveAs' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: '“另存为”仅在桌面版中可用，浏览器中请使用“下载”' },
    });
  });

  it('reads the list a page at a time until every row is written', async () => {
    const total = EXPORT_PAGE * 2 + 500;
    const item = (n: number): CaseListItem => ({
      id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
      caseNumber: `（2026）平调字第${n}号`,
      status: 'accepted',
      disputeType: 'contract',
      disputeTypeName: '合同',
      source: 'party_application',
      township: '城关镇',
      village: null,
      committeeName: '平罗县人民调解中心',
      receivedOn: '2026-11-30',
      receivedByName: '李青',
      partyNames: '甲 与 乙',
      amountFen: n,
      riskLevel: 'normal',
    });
    const asked: number[] = [];
    const listPage: ListPage = (q) => {
      asked.push(q.page);
      const from = (q.page - 1) * q.pageSize;
      const items = Array.from({ length: Math.max(0, Math.min(q.pageSize, total - from)) }, (_, i) =>
        item(from + i + 1),
      );
      return { items, total, page: q.page, pageSize: q.pageSize };
    };
    const ctx = {
      actor: { userId: 'u', username: 'liqing', displayName: '李青', roles: ['intake'] },
      clock: new ManualClock(),
      office: { id: 'o', name: '平罗县人民调解中心' },
      repos: { cases: { partiesOfCases: () => [] } },
      audit: {},
    } as unknown as ServiceContext;
    const result = await exportCaseList(
      ctx,
      { mode: 'download', sort: 'receivedOn', order: 'desc' },
      listPage,
      undefined,
    );
    expect(asked).toEqual([1, 2, 3]);
    expect(result.rows).toBe(total);
    const { cases } = await readSheet(result.file!.dataBase64);
    expect(cases).toHaveLength(total + 1);
    expect(cases.at(-1)![1]).toBe(`（2026）平调字第${total}号`);
    expect(cases.at(-1)![12]).toBe(total / 100);
  });
});
