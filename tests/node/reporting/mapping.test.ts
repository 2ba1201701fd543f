import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { switchUser } from '../../helpers/app';
import { tempDir } from '../../helpers/tempDir';
import { infoSetNames, type InfoSetRecord } from '../../../main/contract/province/infoSets';
import { provinceMapping } from '../../../main/contract/province/mapping';
import { compileMapping, compileTextMapping, SHIPPED_MAPPINGS } from '../../../main/core/reporting/mapping';
import {
  casePage,
  mediatorRecords,
  organisationRecords,
  screeningRecords,
} from '../../../main/core/reporting/records';
import { exportPackage, PASSWORD, runChecker } from './exporting';
import { ARCHIVIST_PASSWORD, provinceWorld, type ProvinceWorld } from './world';

const protection = { mode: 'password', password: PASSWORD } as const;

function extract(file: string): string {
  const dir = tempDir('province-out-');
  const result = runChecker(file, ['--password', PASSWORD, '--extract', dir]);
  expect(result.code, result.out).toBe(0);
  return dir;
}

/** Gives the first party of a case a resident ID and a phone, as intake would have. */
function withIdentity(w: ProvinceWorld, caseId: string) {
  w.sql().run(
    `UPDATE parties SET id_type = 'resident_id', id_number = ?, phone = ?
      WHERE id = (SELECT party_id FROM case_parties WHERE case_id = ? AND role = 'applicant' LIMIT 1)`,
    '11010519491231002X',
    '13912345678',
    caseId,
  );
}

function rows(sheet: ExcelJS.Worksheet): Record<string, unknown>[] {
  const header = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
  const out: Record<string, unknown>[] = [];
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    const values = (row.values as unknown[]).slice(1);
    out.push(Object.fromEntries(header.map((h, i) => [h, values[i] ?? ''])));
  });
  return out;
}

describe('mappings', () => {
  it('the default mapping sends JSON with the published names and codes, ID numbers in full and phones masked', async () => {
    const w = await provinceWorld(5);
    const target = w.cases[0]!;
    withIdentity(w, target.id);
    const sent = await exportPackage(w.app, { mappingId: 'default', protection });
    const cases = JSON.parse(readFileSync(join(extract(sent.file!), 'cases.json'), 'utf8')) as {
      id: string;
      disputeType: string;
      parties: { idNumber: string | null; phone: string | null; idType: string | null }[];
    }[];
    const record = cases.find((c) => c.id === target.id)!;
    expect(record.disputeType).toBe('04');
    expect(record.parties[0]).toMatchObject({
      idType: '111',
      idNumber: '11010519491231002X',
      phone: '139****5678',
    });
  });

  it('the spreadsheet mapping gives one sheet per info-set with Chinese headers and code values, masked, byte-identical again', async () => {
    const w = await provinceWorld(6);
    const target = w.cases.find((c) => c.outcome === 'written')!;
    withIdentity(w, target.id);
    const sent = await exportPackage(w.app, { mappingId: 'xlsx-zh', protection });
    expect(sent.job.state).toBe('finished');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(extract(sent.file!), 'xlsx-zh.xlsx'));
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      '人民调解组织',
      '人民调解员',
      '矛盾纠纷排查',
      '人民调解案件',
    ]);

    const cases = rows(workbook.getWorksheet('人民调解案件')!);
    expect(cases).toHaveLength(6);
    const row = cases.find((r) => r['案件标识'] === target.id)!;
    const typeNames: Record<string, string> = {
      contract: '合同',
      neighbour: '邻里',
      marriage_family: '婚姻家庭',
    };
    expect(row['纠纷类型']).toBe(typeNames[target.disputeType]);
    expect(row['调解结果']).toBe('调解成功');
    expect(row['调解协议.协议形式']).toBe('书面协议');
    expect(row['调解协议.履行期限']).toBe('2026-11-25');
    expect(Object.keys(row)).not.toContain('纠纷简要情况');
    const parties = JSON.parse(row['当事人'] as string) as Record<string, unknown>[];
    expect(parties[0]).toMatchObject({
      证件类型: '居民身份证',
      证件号码: '110105********002X',
      联系电话: '139****5678',
    });

    const mediators = rows(workbook.getWorksheet('人民调解员')!);
    expect(mediators.find((m) => m['姓名'] === '马秀英')).toMatchObject({
      性别: '女',
      民族: '回族',
      专兼职: 'full_time',
    });

    const again = await exportPackage(w.app, { mappingId: 'xlsx-zh', protection });
    expect(again.job.resent).toBe(true);
    expect(again.bytes!.equals(sent.bytes!)).toBe(true);
  });

  it('a mapping the 管理员 adds changes the output with no change to the code, and a wrong one is refused in Chinese', async () => {
    const w = await provinceWorld(5);
    await w.as('admin');
    const custom = {
      format: 'pingluo-mediation-desk/province-mapping',
      schemaVersion: 'v1',
      id: 'ningxia-2027',
      name: '自治区平台2027版',
      form: 'json',
      infoSets: {
        organisations: { name: 'TJZZ', rename: { name: 'ZZMC' } },
        mediators: { name: 'TJY', rename: {} },
        screenings: { name: 'PC', rename: {} },
        cases: {
          name: 'AJ',
          rename: { caseNumber: 'AJBH', disputeType: 'JFLX', 'parties[].name': 'XM' },
          omit: ['visits'],
        },
      },
      codes: { disputeType: { '04': 'HT' } },
      fullPersonalFields: [],
    };
    const wrong = await w.app.call('province:saveMapping', {
      mapping: JSON.stringify({
        ...custom,
        infoSets: { ...custom.infoSets, cases: { name: 'AJ', rename: { caseNo: 'AJBH' } } },
      }),
    });
    expect(!wrong.ok && wrong.error.message).toBe(
      '映射：信息集 cases 中没有字段 caseNo，请对照字段字典修改映射',
    );
    const broken = await w.app.call('province:saveMapping', { mapping: '{"format": ' });
    expect(!broken.ok && broken.error.message).toContain('不是有效的JSON文件');
    expect(await w.app.ok('province:saveMapping', { mapping: JSON.stringify(custom) })).toEqual({
      id: 'ningxia-2027',
      name: '自治区平台2027版',
      form: 'json',
    });

    await switchUser(w.app, 'dangan', ARCHIVIST_PASSWORD);
    expect((await w.app.ok('province:overview', {})).mappings.map((m) => m.id)).toEqual([
      'default',
      'xlsx-zh',
      'ningxia-2027',
    ]);
    const sent = await exportPackage(w.app, { mappingId: 'ningxia-2027', protection });
    const cases = JSON.parse(readFileSync(join(extract(sent.file!), 'AJ.json'), 'utf8')) as Record<
      string,
      unknown
    >[];
    expect(cases).toHaveLength(5);
    const contract = cases.find((c) => c.JFLX === 'HT')!;
    expect(contract).toHaveProperty('AJBH');
    expect(contract).not.toHaveProperty('caseNumber');
    expect(contract).not.toHaveProperty('visits');
    expect((contract.parties as Record<string, unknown>[])[0]).toHaveProperty('XM');
    const orgs = JSON.parse(readFileSync(join(extract(sent.file!), 'TJZZ.json'), 'utf8')) as Record<
      string,
      unknown
    >[];
    expect(orgs[0]).toHaveProperty('ZZMC');
  });

  it('mapped as text where it only masks, gives the very bytes of parsing and mapping each record', async () => {
    const w = await provinceWorld(8);
    const repos = w.app.session.repos();
    const scope = w.scope();
    const orgs = [...scope.organisations];
    const cases = casePage(repos, scope.principals, '', 100).records;
    // Values a text edit could trip on: quotes, backslashes, a key's name inside a value.
    const tricky = cases.map((c, i) => ({
      ...c,
      summary: `说"phone":"13912345678"\\ 第${i}件`,
      parties: c.parties.map((p, j) => ({
        ...p,
        phone: [`139${i}${j}5678`, 'a"b\\"c', '\\', null, '"idNumber":"1"'][j % 5] ?? null,
        idNumber: j % 2 ? '11010519491231002X' : null,
        address: '"phone":"x"',
      })),
    }));
    const records: Record<string, InfoSetRecord[]> = {
      organisations: organisationRecords(repos, orgs),
      mediators: mediatorRecords(repos, orgs).map((m, i) => ({
        ...m,
        phone: i % 2 ? '0952-1234567' : m.phone,
      })),
      screenings: screeningRecords(repos, orgs),
      cases: [...cases, ...tricky],
    };
    const base = SHIPPED_MAPPINGS[0]!;
    const mappings = [
      ...SHIPPED_MAPPINGS,
      provinceMapping.parse({ ...base, id: 'masked', fullPersonalFields: [] }),
      provinceMapping.parse({
        ...base,
        id: 'full',
        fullPersonalFields: [
          'cases.parties[].idNumber',
          'cases.parties[].phone',
          'mediators.idNumber',
          'mediators.phone',
        ],
      }),
      provinceMapping.parse({ ...base, id: 'coded', codes: { sex: { '1': 'M' } } }),
    ];
    const textual: string[] = [];
    for (const mapping of mappings)
      for (const set of infoSetNames) {
        const text = compileTextMapping(mapping, set);
        if (!text) continue;
        textual.push(`${mapping.id}.${set}`);
        const walk = compileMapping(mapping, set);
        for (const record of records[set]!) {
          const json = JSON.stringify(record);
          expect(text(json), `${mapping.id}.${set}`).toBe(JSON.stringify(walk(JSON.parse(json) as object)));
        }
      }
    // The default mapping takes the text path for every info-set; renames and mapped codes do not.
    expect(textual).toEqual([
      ...infoSetNames.map((s) => `default.${s}`),
      ...infoSetNames.map((s) => `masked.${s}`),
      ...infoSetNames.map((s) => `full.${s}`),
      'coded.organisations',
      'coded.screenings',
    ]);
  });
});
