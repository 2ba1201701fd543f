import { createHash } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { excel } from '../files/excel';
import type { z } from 'zod';
import {
  caseSourceLabels,
  caseStatusLabels,
  statisticMeasureLabels,
  maskIdNumber,
  riskLevelLabels,
  type CaseExportDto,
  type CaseListItem,
  type casePage,
  type exportCasesInput,
  type listCasesInput,
} from '../../contract';
import type { ServiceContext } from '../context';
import { ConflictError } from '../errors';
import type { Platform } from '../documentStore/platform';

// 导出 of the case list: the rows the list shows for the clerk's conditions, every page of them,
// in an .xlsx. The rows come from the list query itself (`listPage`, the cases:list handler), so
// whatever decides what a user may list decides what they may export. Pages are read and written
// one at a time through exceljs's streaming writer, so 100,000 cases never sit in memory at once;
// only the compressed file does. ID numbers are masked as every screen masks them.

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Rows per read of the list: big enough to be quick, small enough to stay out of memory. */
export const EXPORT_PAGE = 1000;

/** One page of the case list, as cases:list answers it for this user. */
export type ListPage = (
  input: z.output<typeof listCasesInput>,
) => z.input<typeof casePage> | Promise<z.input<typeof casePage>>;

const columns: { header: string; key: string; width: number }[] = [
  { header: '序号', key: 'no', width: 8 },
  { header: '案号', key: 'caseNumber', width: 26 },
  { header: '状态', key: 'status', width: 12 },
  { header: '受理日期', key: 'receivedOn', width: 12 },
  { header: '纠纷类型', key: 'disputeType', width: 16 },
  { header: '案件来源', key: 'source', width: 16 },
  { header: '乡镇', key: 'township', width: 10 },
  { header: '村（社区）', key: 'village', width: 14 },
  { header: '受理调委会', key: 'committee', width: 28 },
  { header: '登记人', key: 'clerk', width: 10 },
  { header: '当事人', key: 'parties', width: 36 },
  { header: '当事人证件号码（已遮蔽）', key: 'ids', width: 56 },
  { header: '涉及金额（元）', key: 'amount', width: 14 },
  { header: '风险等级', key: 'risk', width: 10 },
];

/** The conditions as the clerk chose them, in words, for the file's 导出说明 and the audit log. */
function describeConditions(input: z.output<typeof exportCasesInput>): string {
  const parts = [
    input.query ? `搜索“${input.query}”` : '',
    input.statuses?.length ? `状态：${input.statuses.map((s) => caseStatusLabels[s]).join('、')}` : '',
    input.disputeType ? `纠纷类型：${input.disputeType}` : '',
    input.township ? `乡镇：${input.township}${input.village ? ` ${input.village}` : ''}` : '',
    input.committeeId ? '指定调委会' : '',
    input.receivedBy ? '指定登记人' : '',
    input.receivedFrom || input.receivedTo
      ? `受理日期：${input.receivedFrom ?? '…'} 至 ${input.receivedTo ?? '…'}`
      : '',
    // ── statistics (issue 15) ──
    input.statistic
      ? `统计项：${statisticMeasureLabels[input.statistic.measure]}（${input.statistic.from} 至 ${input.statistic.to}）`
      : '',
  ].filter(Boolean);
  return parts.join('；') || '全部案件';
}

function timestamp(iso: string): string {
  // Beijing time (UTC+8, no daylight saving) for the file name and the 导出说明.
  const t = new Date(Date.parse(iso) + 8 * 3_600_000).toISOString();
  return `${t.slice(0, 10)} ${t.slice(11, 16)}`;
}

export async function exportCaseList(
  ctx: ServiceContext,
  input: z.output<typeof exportCasesInput>,
  listPage: ListPage,
  platform: Platform | undefined,
): Promise<CaseExportDto> {
  if (input.mode === 'saveAs' && !platform)
    throw new ConflictError('“另存为”仅在桌面版中可用，浏览器中请使用“下载”');
  const { mode: _mode, ...conditions } = input;
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ExcelJS = await excel();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = ctx.office.name;
  const sheet = workbook.addWorksheet('案件列表', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns;
  sheet.getRow(1).font = { bold: true };

  let rows = 0;
  for (let page = 1; ; page++) {
    const result = await listPage({ ...conditions, page, pageSize: EXPORT_PAGE });
    const listed = ctx.repos.cases.partiesOfCases(result.items.map((i) => i.id));
    for (const item of result.items) {
      rows += 1;
      sheet
        .addRow(
          rowOf(
            rows,
            item,
            listed.filter((p) => p.caseId === item.id),
          ),
        )
        .commit();
    }
    if (result.items.length < EXPORT_PAGE || page * EXPORT_PAGE >= result.total) break;
  }
  sheet.commit();

  const now = ctx.clock.now().toISOString();
  const conditionsText = describeConditions(input);
  const about = workbook.addWorksheet('导出说明');
  about.columns = [
    { header: '项目', key: 'k', width: 14 },
    { header: '内容', key: 'v', width: 70 },
  ];
  for (const [k, v] of [
    ['导出单位', ctx.office.name],
    ['导出人', ctx.actor.displayName],
    ['导出时间', timestamp(now)],
    ['查询条件', conditionsText],
    ['案件数', String(rows)],
    ['说明', '证件号码已遮蔽（仅保留前6位和后4位）；本表为工作用表，请妥善保管，不得外传。'],
  ] as const)
    about.addRow({ k, v }).commit();
  about.commit();
  await workbook.commit();

  const data = Buffer.concat(chunks);
  const fileName = `案件列表-${timestamp(now).replace(/[-: ]/g, '')}.xlsx`;
  ctx.audit.detail = `导出案件列表 ${rows} 件（${conditionsText}）`;
  if (input.mode === 'saveAs') {
    const savedTo = await platform!.saveAs(fileName, data);
    if (savedTo) ctx.audit.detail += `，另存为 ${savedTo}`;
    else ctx.audit.detail += '，另存为（已取消）';
    return { mode: 'saveAs', done: savedTo !== null, savedTo, rows, file: null };
  }
  return {
    mode: 'download',
    done: true,
    savedTo: null,
    rows,
    file: {
      fileName,
      mimeType: XLSX_MIME,
      sha256: createHash('sha256').update(data).digest('hex'),
      dataBase64: data.toString('base64'),
    },
  };
}

function rowOf(
  no: number,
  item: CaseListItem,
  parties: { name: string; idNumber: string | null; creditCode: string | null }[],
) {
  return {
    no,
    caseNumber: item.caseNumber,
    status: caseStatusLabels[item.status],
    receivedOn: item.receivedOn,
    disputeType: item.disputeTypeName,
    source: caseSourceLabels[item.source],
    township: item.township,
    village: item.village ?? '',
    committee: item.committeeName,
    clerk: item.receivedByName,
    parties: item.partyNames,
    ids: parties
      .map((p) =>
        p.idNumber
          ? `${p.name} ${maskIdNumber(p.idNumber)}`
          : p.creditCode
            ? `${p.name} ${p.creditCode}`
            : '',
      )
      .filter(Boolean)
      .join('；'),
    amount: item.amountFen === null ? null : item.amountFen / 100,
    risk: riskLevelLabels[item.riskLevel],
  };
}
