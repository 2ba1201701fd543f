import type { dossierChannels } from '../../contract/channels/dossiers';
import { today } from '../../core/dates';
import {
  archiveDossier,
  attachPaper,
  cancelExport,
  dossierPdfFile,
  dossierFor,
  exportStatus,
  exportZip,
  fileDossier,
  listDossiers,
  reopenDossier,
  reviewChecklist,
  reviewDossier,
  reviewSummary,
  saveChecklist,
  startExport,
  updateDossier,
} from '../../core/dossier';
import type { HandlerGroup } from './types';

export const dossierHandlers: HandlerGroup<keyof typeof dossierChannels> = {
  'dossiers:get': (input, ctx) => dossierFor(ctx, input.caseId),
  'dossiers:file': (input, ctx) => fileDossier(ctx, input),
  'dossiers:update': (input, ctx) => updateDossier(ctx, input),
  'dossiers:attachPaper': (input, ctx) => attachPaper(ctx, input),
  'dossiers:archive': (input, ctx) => archiveDossier(ctx, input),
  'dossiers:reopen': (input, ctx) => reopenDossier(ctx, input),
  'dossiers:pdf': async (input, ctx) => {
    ctx.audit.target = input.caseId;
    const file = await dossierPdfFile(ctx.repos, input.caseId, {
      today: today(ctx.clock),
      actorName: ctx.actor.displayName,
      at: ctx.clock.now(),
      ...(input.revision ? { revision: input.revision } : {}),
    });
    ctx.audit.detail = `${file.fileName}（${file.pageCount}页，SHA-256 ${file.sha256.slice(0, 12)}…）`;
    return {
      fileName: file.fileName,
      mimeType: 'application/pdf',
      sha256: file.sha256,
      pageCount: file.pageCount,
      dataBase64: Buffer.from(file.bytes).toString('base64'),
    };
  },
  'dossiers:list': (input, ctx) => listDossiers(ctx.repos, ctx.scope.principals, input),
  'dossiers:reviewSummary': (input, ctx) => reviewSummary(ctx.repos, ctx.scope.principals, input.year),
  'dossiers:checklist': (_input, ctx) => reviewChecklist(ctx.repos),
  'dossiers:saveChecklist': (input, ctx) => saveChecklist(ctx, input),
  'dossiers:review': async (input, ctx) => {
    await reviewDossier(ctx, input);
    return dossierFor(ctx, input.caseId);
  },
  'dossiers:exportBatch': (input, ctx, app) => startExport(ctx, app.session, input),
  'dossiers:exportStatus': (input, ctx, app) => exportStatus(app.session, input.jobId, ctx.actor.userId),
  'dossiers:cancelExport': (input, ctx, app) => cancelExport(app.session, input.jobId, ctx.actor.userId),
  'dossiers:exportZip': (input, ctx, app) => exportZip(app.session, input.jobId, ctx.actor.userId),
};
