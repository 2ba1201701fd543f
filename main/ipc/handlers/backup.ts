import type { backupChannels } from '../../contract/channels/backup';
import { ConflictError } from '../../core/errors';
import type { AppContext } from '../context';
import type { HandlerGroup } from './types';

/** The first-run wizard's restore channels answer only before the installation is set up. */
function beforeSetup(app: AppContext) {
  if (app.session.state !== 'uninitialized') {
    throw new ConflictError('本机已完成初始化：请由管理员登录后，在“数据备份”中从备份恢复');
  }
  return app.backup;
}

/**
 * A desk's backups copy its own file. A desk of the county centre has none: the centre's
 * PostgreSQL is backed up on the server (README: 县中心数据库运维指南, pg_dump).
 */
function ownFile(app: AppContext) {
  if (app.session.centre) {
    throw new ConflictError(
      '本机使用县中心数据库，数据由县中心服务器统一备份（pg_dump，见运维指南），本机不做备份和恢复',
    );
  }
  return app.backup;
}

export const backupHandlers: HandlerGroup<keyof typeof backupChannels> = {
  'backup:capabilities': (_input, app) => app.backup.capabilities(),
  'backup:status': (_input, _ctx, app) => ownFile(app).status(),
  'backup:saveSettings': (input, ctx, app) => {
    const { settings, changes } = ownFile(app).saveSettings(input);
    ctx.audit.detail = changes;
    return settings;
  },
  'backup:run': (_input, ctx, app) => {
    const jobId = ownFile(app).start('manual', ctx.actor);
    ctx.audit.detail = '开始备份，结果另行记录';
    return { jobId };
  },
  'backup:choose': (input, _ctx, app) => ownFile(app).choose(input.what, input.startIn ?? null),
  'backup:list': (input, _ctx, app) => ownFile(app).list(input.folder),
  'backup:inspect': (input, _ctx, app) => ownFile(app).restores.inspect(input),
  'backup:restore': (input, ctx, app) => {
    ctx.audit.detail = '恢复前已自动备份当前数据；恢复记录写入恢复后的审计日志';
    return ownFile(app).restores.restore(input.token, ctx.actor);
  },
  'setup:chooseBackup': (input, app) => beforeSetup(app).choose(input.what, input.startIn ?? null),
  'setup:listBackups': (input, app) => beforeSetup(app).list(input.folder),
  'setup:inspectBackup': (input, app) => beforeSetup(app).restores.inspect(input),
  'setup:restoreBackup': (input, app) => beforeSetup(app).restores.restoreFresh(input.token),
};
