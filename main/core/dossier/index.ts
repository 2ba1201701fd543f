// 卷宗 (issue 13): 立卷, completeness per case kind, scanned-in paper, 归档 with its frozen PDF and
// audited re-opening, the one-PDF-per-dossier typesetter (pdf/), batch export and 案卷评查.

export {
  archiveDossier,
  attachPaper,
  dossierFor,
  fileDossier,
  reopenDossier,
  updateDossier,
  DEFAULT_VOLUME_PATTERN,
  VOLUME_PATTERN_KEY,
} from './service';
export { dossierPdfFile } from './pdfFile';
export { listDossiers, reviewSummary } from './list';
export { reviewChecklist, reviewDossier, saveChecklist, DEFAULT_CHECKLIST } from './review';
export { cancelExport, exportStatus, exportZip, startExport } from './exportJob';
export { FROZEN_MESSAGE, refuseIfArchived } from './frozen';
export { loadDossier } from './model';
