import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { DossierRow, Repositories } from '../../../db';
import type { dossierItemKeys } from '../../contract';
import {
  caseStatusLabels,
  retentionOptions,
  type archiveDossierInput,
  type attachPaperInput,
  type CaseStatus,
  type DossierDto,
  type fileDossierInput,
  type reopenDossierInput,
  type updateDossierInput,
} from '../../contract';
import { formatCaseNumber } from '../cases/caseNumber';
import { documentSettings } from '../documentStore/settings';
import { recordHistory } from '../cases/history';
import type { ServiceContext } from '../context';
import { today } from '../dates';
import { fileKeptElsewhere } from '../scope';
import { ConflictError, ValidationError } from '../errors';
import { newRecord } from '../newRecord';
import { defaultTitle, loadDossier, mediationPeriod, missingProblems, type DossierSources } from './model';
import { reviewDtos } from './review';
import { typesetDossier } from './typesetter/client';
import { pdfModules } from './pdfModules';

// 立卷, completeness, scanning in missing paper, 归档 and audited re-opening. Archiving freezes
// the case (its status becomes 已归档, and the dispatcher refuses every change to it, see
// frozen.ts) and keeps the PDF of that moment as a numbered revision; re-opening needs the
// 档案员 role and a written reason, and the next archiving makes the next revision.

export const VOLUME_PATTERN_KEY = 'dossier.volumePattern';
export const DEFAULT_VOLUME_PATTERN = '（{year}）{abbr}人调卷字第{seq:3}号';

export const sha256 = (data: Uint8Array): string => createHash('sha256').update(data).digest('hex');

function options(ctx: ServiceContext) {
  return { today: today(ctx.clock), actorName: ctx.actor.displayName };
}

/** The dossier as this user sees it, with whether they may keep it. */
export function dossierFor(ctx: ServiceContext, caseId: string): Promise<DossierDto> {
  return dossierView(ctx.repos, caseId, { ...options(ctx), keptElsewhere: fileKeptElsewhere(ctx, caseId) });
}

function cannotFile(s: DossierSources): string | null {
  const status = s.loaded.status;
  if (status === 'closed' || status === 'archived') return s.kind ? null : '案件结案信息不完整，不能立卷';
  return `案件当前状态为“${caseStatusLabels[status]}”，结案后才能立卷`;
}

async function dossierView(
  repos: Repositories,
  caseId: string,
  opts: { today: string; actorName: string; keptElsewhere: string | null },
): Promise<DossierDto> {
  const s = await loadDossier(repos, caseId, opts);
  const row = s.row;
  const period = mediationPeriod(s.c, s.outcome);
  const archives = row ? repos.dossiers.archives(row.id) : [];
  const current = archives.at(-1);
  return {
    caseId,
    caseNumber: s.loaded.row.caseNumber,
    caseStatus: s.loaded.status,
    partyNames: s.loaded.row.partyNames,
    committeeName: s.c.committee.name,
    caseKind: s.kind,
    cannotFile: row ? null : cannotFile(s),
    keptElsewhere: opts.keptElsewhere,
    dossier: row
      ? {
          volumeNumber: row.volumeNumber,
          title: row.title,
          filedByName: row.filedByName,
          filedOn: row.filedOn,
          retention: row.retention,
          mediationFrom: period.from,
          mediationTo: period.to,
          notes: row.notes,
          checkedBy: row.checkedBy,
          state: row.state,
          revision: row.revision,
        }
      : null,
    items: s.items.map((i) => ({
      key: i.spec.key,
      title: i.spec.title,
      status: i.status,
      mandatory: i.mandatory,
      source: i.source,
      problem: i.problem,
      date: i.date,
      pages: null,
      paper: i.spec.paper,
    })),
    missing: missingProblems(s.items),
    papers: row
      ? repos.dossiers.papers(row.id).map((p) => ({
          id: p.id,
          item: p.item as (typeof dossierItemKeys)[number],
          fileName: p.fileName,
          mimeType: p.mimeType,
          size: p.size,
          pages: p.pages,
          addedAt: p.createdAt,
          addedByName: p.addedByName,
        }))
      : [],
    archives: archives.map((a) => ({
      revision: a.revision,
      archivedAt: a.createdAt,
      archivedByName: a.archivedByName,
      pageCount: a.pageCount,
      sha256: a.sha256,
      missingReason: a.missingReason,
      reopenedAt: a.reopenedAt,
      reopenedByName: a.reopenedByName,
      reopenReason: a.reopenReason,
    })),
    reviews: row ? await reviewDtos(repos, row.id) : [],
    retentionOptions: [...retentionOptions],
    retentionDefault: (await documentSettings(repos)).retention,
    ...(current && row?.state === 'archived' ? {} : {}),
  };
}

/** The filed dossier of the sources, or the message that it must be filed first. */
export function requireDossier(s: DossierSources): DossierRow {
  if (!s.row) throw new ConflictError('本案尚未立卷，请先立卷');
  return s.row;
}

/** The case's dossier as a change to it starts: filed and not archived (the audit names the case). */
async function openDossierFor(
  ctx: ServiceContext,
  caseId: string,
): Promise<{ s: DossierSources; row: DossierRow }> {
  ctx.audit.target = caseId;
  const s = await loadDossier(ctx.repos, caseId, options(ctx));
  const row = requireDossier(s);
  if (row.state === 'archived')
    throw new ConflictError('卷宗已归档，不能修改；如需修改，请由档案员重新打开卷宗');
  return { s, row };
}

export async function fileDossier(
  ctx: ServiceContext,
  input: z.output<typeof fileDossierInput>,
): Promise<DossierDto> {
  ctx.audit.target = input.caseId;
  const s = await loadDossier(ctx.repos, input.caseId, options(ctx));
  if (s.row) throw new ConflictError(`本案已立卷，卷号${s.row.volumeNumber}`);
  const why = cannotFile(s);
  if (why) throw new ConflictError(why);
  const committeeId = s.loaded.row.committeeId;
  const handling = ctx.repos.workflow.caseWorkflowColumns(input.caseId)?.handlingCommitteeId ?? committeeId;
  const org = await ctx.repos.catalog.organisation(handling);
  if (!org) throw new ConflictError('找不到办理本案的调解委员会，请先在调解组织中核对');
  const day = today(ctx.clock);
  const year = Number(day.slice(0, 4));
  const seq = ctx.repos.dossiers.nextSeq(handling, year);
  const pattern = (await ctx.repos.settings.get<string>(VOLUME_PATTERN_KEY)) || DEFAULT_VOLUME_PATTERN;
  const volumeNumber = formatCaseNumber(pattern, { year, abbr: org.abbreviation, seq });
  const now = ctx.clock.now().toISOString();
  const row: DossierRow = {
    ...newRecord(ctx, now),
    caseId: input.caseId,
    committeeId: handling,
    volumeYear: year,
    volumeSeq: seq,
    volumeNumber,
    title: input.title ?? defaultTitle(s.c),
    filedBy: ctx.actor.userId,
    filedByName: ctx.actor.displayName,
    filedOn: day,
    retention: input.retention,
    state: 'open',
    revision: 0,
    notes: null,
    checkedBy: null,
    missingReason: null,
  };
  ctx.repos.dossiers.insert(row);
  recordHistory(ctx, input.caseId, '立卷', [], `卷号${volumeNumber}，保管期限${input.retention}`);
  ctx.audit.detail = `${s.loaded.row.caseNumber}：立卷，卷号${volumeNumber}`;
  return dossierFor(ctx, input.caseId);
}

export async function updateDossier(
  ctx: ServiceContext,
  input: z.output<typeof updateDossierInput>,
): Promise<DossierDto> {
  const { row } = await openDossierFor(ctx, input.caseId);
  const updated: DossierRow = {
    ...row,
    title: input.title,
    retention: input.retention,
    notes: input.notes ?? null,
    checkedBy: input.checkedBy ?? null,
    version: row.version + 1,
    updatedAt: ctx.clock.now().toISOString(),
  };
  ctx.repos.dossiers.update(updated);
  ctx.audit.detail = `${row.volumeNumber}：卷名“${input.title}”，保管期限${input.retention}`;
  return dossierFor(ctx, input.caseId);
}

export async function attachPaper(
  ctx: ServiceContext,
  input: z.output<typeof attachPaperInput>,
): Promise<DossierDto> {
  const { s, row } = await openDossierFor(ctx, input.caseId);
  const data = Buffer.from(input.dataBase64, 'base64');
  if (data.length === 0)
    throw ValidationError.field(['dataBase64'], '文件', '文件是空的（0字节），请重新扫描上传');
  const item = s.items.find((i) => i.spec.key === input.item);
  const label = `${item?.spec.title ?? '扫描件'}“${input.fileName}”`;
  let pages: number;
  try {
    pages = await (await pdfModules()).checkScan({ label, mimeType: input.mimeType, data });
  } catch (error) {
    // The same sentence the PDF would give, but as a field error the upload form shows.
    if (error instanceof ConflictError) throw ValidationError.field(['dataBase64'], '文件', error.message);
    throw error;
  }
  const now = ctx.clock.now().toISOString();
  ctx.repos.dossiers.insertPaper(
    {
      ...newRecord(ctx, now),
      dossierId: row.id,
      caseId: input.caseId,
      item: input.item,
      fileName: input.fileName,
      mimeType: input.mimeType,
      size: data.length,
      pages,
      sha256: sha256(data),
      addedByName: ctx.actor.displayName,
    },
    data,
  );
  recordHistory(ctx, input.caseId, '补充卷宗扫描件', [], `${label}，${pages}页`);
  ctx.audit.detail = `${row.volumeNumber}：${label}（${pages}页，${Math.ceil(data.length / 1024)} KB）`;
  return dossierFor(ctx, input.caseId);
}

export async function archiveDossier(
  ctx: ServiceContext,
  input: z.output<typeof archiveDossierInput>,
): Promise<DossierDto> {
  const { s, row } = await openDossierFor(ctx, input.caseId);
  if (s.loaded.status !== 'closed')
    throw new ConflictError(`案件当前状态为“${caseStatusLabels[s.loaded.status]}”，不能归档`);
  const missing = missingProblems(s.items);
  if (missing.length && !input.missingReason) {
    throw new ValidationError(
      `卷宗缺少必备材料，不能归档：${missing[0]}${missing.length > 1 ? `（共${missing.length}项）` : ''}。如确需归档，请填写缺项归档的书面理由`,
      [{ path: ['missingReason'], field: '缺项归档的书面理由', message: missing.join('；') }],
    );
  }
  const reason = missing.length ? input.missingReason! : null;
  const revision = row.revision + 1;
  const now = ctx.clock.now();
  const { dossierPdfJob } = await pdfModules();
  const pdf = await typesetDossier(
    dossierPdfJob({
      repos: ctx.repos,
      sources: s,
      row,
      missingReason: reason,
      today: today(ctx.clock),
      at: now,
    }),
  );
  const at = now.toISOString();
  ctx.repos.dossiers.insertArchive(
    {
      ...newRecord(ctx, at),
      dossierId: row.id,
      revision,
      archivedByName: ctx.actor.displayName,
      pageCount: pdf.pageCount,
      sha256: sha256(pdf.bytes),
      missingReason: reason,
      reopenedAt: null,
      reopenedByName: null,
      reopenReason: null,
    },
    pdf.bytes,
  );
  ctx.repos.dossiers.update({
    ...row,
    state: 'archived',
    revision,
    missingReason: reason,
    version: row.version + 1,
    updatedAt: at,
  });
  recordHistory(
    ctx,
    input.caseId,
    '归档',
    [],
    `卷号${row.volumeNumber} 第${revision}版，共${pdf.pageCount}页${reason ? `；缺项归档理由：${reason}` : ''}`,
  );
  ctx.repos.workflow.setCaseState(input.caseId, { status: 'archived' }, at);
  ctx.audit.detail = `${row.volumeNumber}：归档第${revision}版，${pdf.pageCount}页${reason ? `，缺项（${missing.length}项）理由：${reason}` : ''}`;
  return dossierFor(ctx, input.caseId);
}

export async function reopenDossier(
  ctx: ServiceContext,
  input: z.output<typeof reopenDossierInput>,
): Promise<DossierDto> {
  ctx.audit.target = input.caseId;
  const row = ctx.repos.dossiers.byCase(input.caseId);
  if (!row) throw new ConflictError('本案尚未立卷，请先立卷');
  if (row.state !== 'archived') throw new ConflictError('卷宗未归档，无需重新打开');
  const at = ctx.clock.now().toISOString();
  const archive = ctx.repos.dossiers.archives(row.id).find((a) => a.revision === row.revision);
  if (archive) {
    ctx.repos.dossiers.updateArchive({
      ...archive,
      reopenedAt: at,
      reopenedByName: ctx.actor.displayName,
      reopenReason: input.reason,
      version: archive.version + 1,
      updatedAt: at,
    });
  }
  ctx.repos.dossiers.update({ ...row, state: 'open', version: row.version + 1, updatedAt: at });
  ctx.repos.workflow.setCaseState(input.caseId, { status: 'closed' }, at);
  recordHistory(
    ctx,
    input.caseId,
    '重新打开卷宗',
    [],
    `卷号${row.volumeNumber}（第${row.revision}版）；理由：${input.reason}`,
  );
  ctx.audit.detail = `${row.volumeNumber}：重新打开第${row.revision}版；理由：${input.reason}`;
  return dossierFor(ctx, input.caseId);
}

export function isFrozenStatus(status: string): boolean {
  return (status as CaseStatus) === 'archived';
}
