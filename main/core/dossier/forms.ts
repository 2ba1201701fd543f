import type { Repositories } from '../../../db';
import type { Dossier } from '../documents';
import { ConflictError } from '../errors';
import { loadDossier } from './model';

// What documents:generate asks for the 卷宗封面, 卷内目录 and 备考表 .docx: the filed dossier's
// values with the page ranges of its PDF, so the Word forms and the PDF agree page for page.

export async function dossierForFormsOf(
  repos: Repositories,
  caseId: string,
  opts: { today: string; actorName: string; at: Date },
): Promise<Dossier> {
  const sources = await loadDossier(repos, caseId, opts);
  if (!sources.row) throw new ConflictError('尚未立卷：请在案件的“卷宗”中立卷后生成');
  // Loaded on first use: the PDF typesetter's modules are not needed at start-up.
  const { dossierForForms } = await import('./dossierPdf');
  return dossierForForms({
    repos,
    sources,
    row: sources.row,
    missingReason: sources.row.missingReason,
    today: opts.today,
    at: opts.at,
  });
}
