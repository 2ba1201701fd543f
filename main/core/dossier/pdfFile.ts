import type { Repositories } from '../../../db';
import { NotFoundError } from '../errors';
import type { DossierPdfJob } from './dossierPdf';
import { loadDossier } from './model';
import type { DossierPdf } from './pdf/assemble';
import { pdfModules } from './pdfModules';
import { requireDossier, sha256 } from './service';
import { typesetDossier } from './typesetter/client';

// A dossier's PDF as a file: the archived revision's frozen bytes, or the dossier as it stands now,
// typeset (in the worker) from data read under the caller's lock.

export interface PdfFile {
  fileName: string;
  bytes: Uint8Array;
  pageCount: number;
  sha256: string;
}

const safe = (s: string) => s.replace(/[\\/:*?"<>|\s]+/g, '');

/**
 * What a dossier's PDF is: the archived revision's frozen file, or the plain data to typeset the
 * dossier as it stands now (read here, under the caller's lock; typeset wherever the caller likes).
 */
export async function dossierPdfSource(
  repos: Repositories,
  caseId: string,
  opts: { today: string; actorName: string; at: Date; revision?: number },
): Promise<{ file: PdfFile } | { fileName: string; job: DossierPdfJob }> {
  const s = await loadDossier(repos, caseId, opts);
  const row = requireDossier(s);
  const revision = opts.revision ?? (row.state === 'archived' ? row.revision : undefined);
  if (revision !== undefined) {
    const archive = repos.dossiers.archives(row.id).find((a) => a.revision === revision);
    const bytes = archive ? repos.dossiers.archivePdf(row.id, revision) : undefined;
    if (!archive || !bytes) throw new NotFoundError(`找不到卷宗第${revision}版`);
    return {
      file: {
        fileName: `${safe(row.volumeNumber)}-第${revision}版.pdf`,
        bytes,
        pageCount: archive.pageCount,
        sha256: archive.sha256,
      },
    };
  }
  const { dossierPdfJob } = await pdfModules();
  const job = dossierPdfJob({
    repos,
    sources: s,
    row,
    missingReason: null,
    today: opts.today,
    at: opts.at,
  });
  return { fileName: `${safe(row.volumeNumber)}-未归档.pdf`, job };
}

export function pdfFileOf(fileName: string, pdf: DossierPdf): PdfFile {
  return { fileName, bytes: pdf.bytes, pageCount: pdf.pageCount, sha256: sha256(pdf.bytes) };
}

/** The archived revision's frozen PDF, or the dossier as it stands now. */
export async function dossierPdfFile(
  repos: Repositories,
  caseId: string,
  opts: { today: string; actorName: string; at: Date; revision?: number },
): Promise<PdfFile> {
  const source = await dossierPdfSource(repos, caseId, opts);
  if ('file' in source) return source.file;
  return pdfFileOf(source.fileName, await typesetDossier(source.job));
}
