import type { documentChannels } from '../../contract/channels/documents';
import { today } from '../../core/dates';
import {
  attachScan,
  documentSettings,
  documentsOverview,
  exportDocument,
  generateDocument,
  loadDocumentCase,
  platformCapabilities,
  saveDocumentSettings,
  scanFile,
  verifyCode,
  versionDtos,
  versionFile,
} from '../../core/documentStore';
import { mayWrite } from '../../core/scope';
import type { HandlerGroup } from './types';

export const documentHandlers: HandlerGroup<keyof typeof documentChannels> = {
  'documents:platform': (_input, _ctx, app) => platformCapabilities(app.platform),
  'documents:list': async (input, ctx) => {
    const day = today(ctx.clock);
    const loaded = await loadDocumentCase(ctx.repos, input.caseId, {
      today: day,
      actorName: ctx.actor.displayName,
    });
    return documentsOverview(loaded, versionDtos(ctx.repos, input.caseId), day, mayWrite(ctx, loaded.row));
  },
  'documents:generate': (input, ctx) => generateDocument(ctx, input),
  'documents:versions': (input, ctx) => versionDtos(ctx.repos, input.caseId, input.kind),
  'documents:get': (input, ctx) => versionFile(ctx.repos, input.versionId),
  'documents:export': (input, ctx, app) =>
    exportDocument(ctx, input, { platform: app.platform, tempDir: app.session.paths.temp }),
  'documents:attachScan': (input, ctx) => attachScan(ctx, input),
  'documents:getScan': (input, ctx) => scanFile(ctx.repos, input.scanId),
  'documents:verify': (input, ctx) => verifyCode(ctx.repos, input.code),
  'documents:settings': (_input, ctx) => documentSettings(ctx.repos),
  'documents:saveSettings': (input, ctx) => saveDocumentSettings(ctx, input),
};
