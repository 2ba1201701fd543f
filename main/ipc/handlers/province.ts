import type { provinceChannels } from '../../contract/channels/province';
import { today } from '../../core/dates';
import {
  acknowledgeByReceipt,
  acknowledgeManually,
  cancelProvinceExport,
  provinceExportFile,
  provinceExportStatus,
  provinceOverview,
  saveMapping,
  startProvinceExport,
  validateAll,
} from '../../core/reporting';
import type { HandlerGroup } from './types';

export const provinceHandlers: HandlerGroup<keyof typeof provinceChannels> = {
  'province:overview': (_input, ctx, app) => provinceOverview(ctx, app.session.installationKeys()),
  'province:validate': (_input, ctx) => validateAll(ctx.repos, ctx.scope, today(ctx.clock)),
  'province:export': (input, ctx, app) => startProvinceExport(ctx, app.session, input),
  'province:exportStatus': (input, ctx, app) =>
    provinceExportStatus(app.session, input.jobId, ctx.actor.userId),
  'province:cancelExport': (input, ctx, app) =>
    cancelProvinceExport(app.session, input.jobId, ctx.actor.userId),
  'province:download': (input, ctx, app) => provinceExportFile(app.session, input.jobId, ctx.actor.userId),
  'province:acknowledge': (input, ctx) => {
    const batch = acknowledgeManually(ctx.repos, ctx.scope, input, ctx.actor.displayName);
    ctx.audit.detail = `第${batch.batchNo}批，报送日期 ${input.on}`;
    return batch;
  },
  'province:receipt': (input, ctx) => {
    const batch = acknowledgeByReceipt(ctx.repos, ctx.scope, input.receipt, ctx.actor.displayName);
    ctx.audit.detail = `第${batch.batchNo}批，接收日期 ${batch.acknowledgedOn}`;
    return batch;
  },
  'province:saveMapping': async (input, ctx) => {
    const m = await saveMapping(ctx.repos, input.mapping);
    ctx.audit.detail = `${m.name}（${m.id}，${m.form}）`;
    return { id: m.id, name: m.name, form: m.form };
  },
};
