import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { DocumentVersionRow, Repositories } from '../../../db';
import {
  displayNameFor,
  generateAccess,
  mayAccess,
  MAX_SCAN_BYTES,
  stripHiddenCharacters,
  type attachScanInput,
  type DocumentFileDto,
  type DocumentVersionDto,
  type GeneratedDocumentDto,
  type generateDocumentInput,
} from '../../contract';
import type { ServiceContext } from '../context';
import { today } from '../dates';
import { agreementFingerprint, documentKind, PROPERTY_RIGHTS_QUESTION, renderDocument } from '../documents';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../errors';
import { recordHistory } from '../cases/history';
import { availabilityOf } from './availability';
import { loadDocumentCase } from './caseDocument';
import { newRecord } from '../newRecord';
import { contentMatches } from '../files/fileType';
import { dossierForFormsOf } from '../dossier/forms';

// Every generation is kept: a new version of that document for the case, with who made it,
// when, the SHA-256 of the exact bytes handed out and, for agreements, the verification
// fingerprint printed on it. Signed scans of a printed version attach to that version.

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const sha256 = (data: Buffer): string => createHash('sha256').update(data).digest('hex');

/** A file name every file system accepts: the case number, the form and the version. */
export function fileNameOf(caseNumber: string, title: string, versionNo: number): string {
  const safe = (s: string) => stripHiddenCharacters(s, { multiline: false }).replace(/[\\/:*?"<>|\s]+/g, '');
  return `${safe(caseNumber)}-${safe(title.replace(/（.*）$/, ''))}-第${versionNo}版.docx`;
}

export function versionDtos(repos: Repositories, caseId: string, kind?: string): DocumentVersionDto[] {
  const rows = repos.documents.versions(caseId, kind);
  const scans = repos.documents.scans(caseId);
  const newest = new Map<string, number>();
  for (const r of rows) newest.set(r.kind, Math.max(newest.get(r.kind) ?? 0, r.versionNo));
  return rows.map((r) =>
    toDto(
      r,
      newest.get(r.kind) === r.versionNo,
      scans.filter((s) => s.versionId === r.id),
    ),
  );
}

function toDto(
  r: DocumentVersionRow,
  latest: boolean,
  scans: ReturnType<Repositories['documents']['scans']>,
): DocumentVersionDto {
  return {
    id: r.id,
    caseId: r.caseId,
    kind: r.kind as DocumentVersionDto['kind'],
    title: r.title,
    versionNo: r.versionNo,
    fileName: r.fileName,
    size: r.size,
    sha256: r.sha256,
    fingerprint: r.fingerprint,
    shortCode: r.shortCode,
    generatedAt: r.createdAt,
    generatedByName: r.generatedByName,
    latest,
    scans: scans.map((s) => ({
      id: s.id,
      fileName: s.fileName,
      mimeType: s.mimeType as DocumentVersionDto['scans'][number]['mimeType'],
      size: s.size,
      sha256: s.sha256,
      addedAt: s.createdAt,
      addedByName: s.addedByName,
    })),
  };
}

function versionDto(repos: Repositories, row: DocumentVersionRow): DocumentVersionDto {
  return versionDtos(repos, row.caseId, row.kind).find((v) => v.id === row.id)!;
}

/**
 * Generates a document and keeps it as a new version; content identical to the latest version's
 * (same SHA-256, e.g. the agreement again after 结案) adds nothing: that version is returned,
 * marked unchanged, so the screen can say so instead of showing an identical 第2版.
 */
export async function generateDocument(
  ctx: ServiceContext,
  input: z.output<typeof generateDocumentInput>,
): Promise<GeneratedDocumentDto> {
  if (!mayAccess(generateAccess(input.kind), ctx.actor.roles))
    throw new ForbiddenError('受理员只能生成人民调解申请书、受理登记表和当事人权利义务告知书');
  const kind = documentKind(input.kind);
  const day = today(ctx.clock);
  const loaded = await loadDocumentCase(ctx.repos, input.caseId, {
    today: day,
    actorName: ctx.actor.displayName,
    ...(input.confirmation ? { confirmation: input.confirmation } : {}),
  });
  ctx.audit.target = input.caseId;
  const { reasons } = availabilityOf(kind, loaded, day);
  if (reasons.length > 0) throw new ConflictError(`不能生成${kind.title}：${reasons.join('；')}`);
  if (kind.id === 'confirmation-application' && loaded.document.confirmation?.propertyRights === undefined) {
    throw ValidationError.field(['confirmation', 'propertyRights'], '涉及财产权利', PROPERTY_RIGHTS_QUESTION);
  }
  // The archive papers carry the real page ranges: those of the dossier's PDF (issue 13).
  if (kind.id.startsWith('dossier-'))
    loaded.document.dossier = await dossierForFormsOf(ctx.repos, input.caseId, {
      today: day,
      actorName: ctx.actor.displayName,
      at: ctx.clock.now(),
    });
  // The document layer checks again (printable fields, court refusals) and says what to fix.
  const data = await renderDocument(kind.id, loaded.document, { today: day });
  const caseNumber = loaded.row.caseNumber;
  const hash = sha256(data);
  const latest = ctx.repos.documents.versions(input.caseId, kind.id)[0]; // newest first
  if (latest?.sha256 === hash) {
    ctx.audit.detail = `${caseNumber}：${kind.title} 内容未变，沿用第${latest.versionNo}版`;
    return { ...versionDto(ctx.repos, latest), unchanged: true };
  }
  const fingerprint = kind.verified ? agreementFingerprint(loaded.document) : null;
  const versionNo = ctx.repos.documents.nextVersionNo(input.caseId, kind.id);
  const now = ctx.clock.now().toISOString();
  const row: DocumentVersionRow = {
    ...newRecord(ctx, now),
    caseId: input.caseId,
    kind: kind.id,
    versionNo,
    title: kind.title,
    fileName: fileNameOf(caseNumber, kind.title, versionNo),
    size: data.length,
    sha256: hash,
    fingerprint: fingerprint?.hash ?? null,
    shortCode: fingerprint?.shortCode ?? null,
    caseNumber,
    agreementNumber: loaded.document.agreement?.number ?? null,
    generatedBy: ctx.actor.userId,
    generatedByName: ctx.actor.displayName,
  };
  ctx.repos.documents.insertVersion(row, data);
  const code = fingerprint ? `，核验码${fingerprint.shortCode}` : '';
  recordHistory(ctx, input.caseId, `生成${kind.title}`, [], `第${versionNo}版${code}`);
  ctx.audit.detail = `${caseNumber}：${kind.title} 第${versionNo}版（SHA-256 ${row.sha256.slice(0, 12)}…${code}）`;
  return { ...versionDto(ctx.repos, row), unchanged: false };
}

export function versionRow(repos: Repositories, versionId: string): DocumentVersionRow {
  const row = repos.documents.version(versionId);
  if (!row) throw new NotFoundError('找不到该文书版本');
  return row;
}

export function versionFile(repos: Repositories, versionId: string): DocumentFileDto {
  const row = versionRow(repos, versionId);
  const data = repos.documents.versionData(versionId)!;
  return {
    fileName: row.fileName,
    mimeType: DOCX_MIME,
    sha256: row.sha256,
    dataBase64: Buffer.from(data).toString('base64'),
  };
}

// ─── Signed scans ─────────────────────────────────────────────────────────────────────────────

export function attachScan(ctx: ServiceContext, input: z.output<typeof attachScanInput>): DocumentVersionDto {
  const version = versionRow(ctx.repos, input.versionId);
  ctx.audit.target = version.caseId;
  const c = ctx.repos.cases.byId(version.caseId);
  if (!c || c.status === 'voided') throw new ConflictError('已作废的案件不能上传签署扫描件');
  const data = Buffer.from(input.dataBase64, 'base64');
  if (data.length === 0) throw ValidationError.field(['dataBase64'], '文件', '文件是空的');
  if (data.length > MAX_SCAN_BYTES)
    throw ValidationError.field(['dataBase64'], '文件', '扫描件超过10 MB，请降低扫描分辨率后重新上传');
  if (!contentMatches(input.mimeType, data)) {
    throw ValidationError.field(
      ['dataBase64'],
      '文件',
      '文件内容与类型不符：签署扫描件只能是真实的 PDF、JPG 或 PNG 文件',
    );
  }
  const now = ctx.clock.now().toISOString();
  const fileName = displayNameFor(input.fileName, input.mimeType);
  ctx.repos.documents.insertScan(
    {
      ...newRecord(ctx, now),
      versionId: version.id,
      caseId: version.caseId,
      fileName,
      mimeType: input.mimeType,
      size: data.length,
      sha256: sha256(data),
      addedByName: ctx.actor.displayName,
    },
    data,
  );
  recordHistory(
    ctx,
    version.caseId,
    '上传签署扫描件',
    [],
    `${version.title} 第${version.versionNo}版：${fileName}`,
  );
  ctx.audit.detail = `${version.caseNumber}：${version.title} 第${version.versionNo}版 签署扫描件 ${fileName}（${Math.ceil(data.length / 1024)} KB）`;
  return versionDto(ctx.repos, version);
}

export function scanFile(repos: Repositories, scanId: string): DocumentFileDto {
  const scan = repos.documents.scan(scanId);
  if (!scan) throw new NotFoundError('找不到该扫描件');
  return {
    fileName: scan.fileName,
    mimeType: scan.mimeType,
    sha256: scan.sha256,
    dataBase64: Buffer.from(scan.data).toString('base64'),
  };
}
