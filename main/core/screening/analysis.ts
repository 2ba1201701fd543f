import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type {
  AnalysisDto,
  AnalysisFigures,
  DocumentFileDto,
  analysisKey,
  saveAnalysisInput,
} from '../../contract';
import type { ServiceContext } from '../context';
import { addDays, addMonths, today } from '../dates';
import { ANALYSIS_TITLE } from '../documents';
import { ConflictError, NotFoundError } from '../errors';
import { newRecord } from '../newRecord';
import { requireOrganisationInScope } from './rounds';

// 一分析: one note per organisation (a township, or the county centre for the whole county) and
// month. The app fills in the month's figures and last month's for comparison; the judgement and
// the measures are written by people, then the note prints as .docx.

function monthRange(month: string): { from: string; to: string } {
  const from = `${month}-01`;
  return { from, to: addDays(addMonths(from, 1), -1) };
}

/**
 * The month's figures for an organisation and everything under it. A small, separate function on
 * purpose: once the statistics service (issue 15's dashboard) exists it should answer these.
 */
export function monthFigures(ctx: ServiceContext, organisationId: string, month: string): AnalysisFigures {
  const { from, to } = monthRange(month);
  const under = ctx.repos.caseScope.under([organisationId]).map((o) => o.id);
  const screening = ctx.repos.screening.screeningCounts(under, from, to);
  const sum = (pick: (r: { kind: string; disposition: string }) => boolean) =>
    screening.findings.filter(pick).reduce((s, r) => s + r.n, 0);
  const cases = ctx.repos.screening.caseCounts(organisationId, from, to);
  const byType = new Map<string, number>();
  for (const c of cases) byType.set(c.typeName, (byType.get(c.typeName) ?? 0) + c.n);
  return {
    rounds: screening.rounds,
    zeroReports: screening.zeroReports,
    findings: sum(() => true),
    disputes: sum((r) => r.kind === 'dispute'),
    risks: sum((r) => r.kind === 'risk'),
    becameCases: sum((r) => r.disposition === 'new_case'),
    linked: sum((r) => r.disposition === 'linked'),
    resolved: sum((r) => r.disposition === 'resolved'),
    watched: sum((r) => r.disposition === 'watch'),
    casesReceived: cases.reduce((s, c) => s + c.n, 0),
    casesProactive: cases.filter((c) => c.source === 'proactive').reduce((s, c) => s + c.n, 0),
    topTypes: [...byType.entries()]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'zh'))
      .slice(0, 3)
      .map(([name, count]) => ({ name, count })),
  };
}

export async function analysis(
  ctx: ServiceContext,
  input: z.output<typeof analysisKey>,
): Promise<AnalysisDto> {
  requireOrganisationInScope(ctx, input.organisationId);
  const organisation = await ctx.repos.catalog.organisation(input.organisationId);
  if (!organisation) throw new NotFoundError('未找到该调解组织');
  const saved = ctx.repos.screening.analysis(organisation.id, input.month);
  const previousMonth = addMonths(`${input.month}-01`, -1).slice(0, 7);
  return {
    organisationId: organisation.id,
    organisationName: organisation.name,
    month: input.month,
    figures: monthFigures(ctx, organisation.id, input.month),
    previous: monthFigures(ctx, organisation.id, previousMonth),
    judgement: saved?.judgement ?? null,
    measures: saved?.measures ?? null,
    writtenByName: saved?.writtenByName ?? null,
    updatedAt: saved?.updatedAt ?? null,
  };
}

export async function saveAnalysis(
  ctx: ServiceContext,
  input: z.output<typeof saveAnalysisInput>,
): Promise<AnalysisDto> {
  requireOrganisationInScope(ctx, input.organisationId);
  if (`${input.month}-01` > today(ctx.clock)) throw new ConflictError('该月份尚未开始，不能撰写月度分析');
  const now = ctx.clock.now().toISOString();
  ctx.repos.screening.saveAnalysis({
    ...newRecord(ctx, now),
    organisationId: input.organisationId,
    month: input.month,
    judgement: input.judgement,
    measures: input.measures,
    writtenByName: ctx.actor.displayName,
  });
  ctx.audit.target = input.organisationId;
  ctx.audit.detail = `${input.month} 月度分析`;
  return analysis(ctx, input);
}

export async function analysisDocx(
  ctx: ServiceContext,
  input: z.output<typeof analysisKey>,
): Promise<DocumentFileDto> {
  const note = await analysis(ctx, input);
  if (!note.judgement) throw new ConflictError('请先撰写并保存形势研判和工作措施，再导出月度分析');
  const { packDocument, monthlyAnalysisDocument } = await import('../documents/generators/index');
  const bytes = await packDocument(monthlyAnalysisDocument(note, today(ctx.clock)));
  const [year, month] = input.month.split('-');
  const fileName = `${note.organisationName}${year}年${Number(month)}月${ANALYSIS_TITLE}.docx`;
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  ctx.audit.target = input.organisationId;
  ctx.audit.detail = `${fileName}（SHA-256 ${sha256.slice(0, 12)}…）`;
  return {
    fileName,
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    sha256,
    dataBase64: bytes.toString('base64'),
  };
}
