import type { ConflictRow } from '../../../db';
import type { ConflictDto, ExchangeHistoryDto } from '../../contract';
import {
  exchangeFieldLabels,
  exchangeTableLabels,
  villageRecord,
  type ExchangeTable,
} from '../../contract/exchange/records';
import { isoNow } from '../clock';
import type { ServiceContext } from '../context';
import { ConflictError, NotFoundError } from '../errors';

// 冲突处理 (issue 14): a record both offices changed since their last agreed exchange waits here,
// both versions side by side, until a 管理员 keeps one. The owner's version (the remote one:
// records only arrive from their owner) converges at once; keeping this office's version keeps
// it here only, and the owner's next change raises a new conflict rather than overwriting it.

function shownValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '（空）';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  return JSON.stringify(value);
}

function officeName(ctx: ServiceContext, officeId: string): string {
  return ctx.repos.exchange.trusted(officeId)?.officeName ?? '（未知机构）';
}

function toDto(ctx: ServiceContext, row: ConflictRow): ConflictDto {
  const table = row.tableName as ExchangeTable;
  const local = (ctx.repos.exchange.village(row.recordId) ?? JSON.parse(row.local)) as Record<
    string,
    unknown
  >;
  const remote = JSON.parse(row.remote) as Record<string, unknown>;
  const labels = exchangeFieldLabels[table];
  return {
    id: row.id,
    officeName: officeName(ctx, row.peerOfficeId),
    table,
    tableLabel: exchangeTableLabels[table],
    recordId: row.recordId,
    title: `${shownValue(remote.township)}${shownValue(remote.name)}`,
    createdAt: row.createdAt,
    fields: Object.entries(labels).map(([field, label]) => ({
      field,
      label,
      local: shownValue(local[field]),
      remote: shownValue(remote[field]),
      differs: shownValue(local[field]) !== shownValue(remote[field]),
    })),
  };
}

export function listConflicts(ctx: ServiceContext): { items: ConflictDto[] } {
  return { items: ctx.repos.exchange.openConflicts().map((r) => toDto(ctx, r)) };
}

export function resolveConflict(
  ctx: ServiceContext,
  conflictId: string,
  keep: 'local' | 'remote',
): ConflictDto {
  const row = ctx.repos.exchange.conflict(conflictId);
  if (!row) throw new NotFoundError('未找到该冲突');
  if (row.resolvedAt) throw new ConflictError(`该冲突已由${row.resolvedByName ?? ''}处理，请刷新页面`);
  const dto = toDto(ctx, row);
  const remote = villageRecord.parse(JSON.parse(row.remote));
  const at = isoNow(ctx.clock);
  if (keep === 'remote') {
    ctx.repos.exchange.putVillage(remote);
  } else {
    const local = ctx.repos.exchange.village(row.recordId);
    if (!local) throw new NotFoundError('本机的这条记录已不存在，请选择保留对方版本');
    // Above the owner's version: the owner's next change is again a change on both sides.
    ctx.repos.exchange.putVillage({
      ...local,
      version: Math.max(local.version, remote.version) + 1,
      updatedAt: at,
    });
  }
  ctx.repos.exchange.setAgreedVersion(row.peerOfficeId, row.tableName, row.recordId, remote.version);
  ctx.repos.exchange.resolveConflict(conflictId, keep, at, ctx.actor.displayName);
  ctx.audit.target = row.recordId;
  ctx.audit.detail = `${dto.tableLabel}“${dto.title}”：${keep === 'remote' ? `采用${dto.officeName}的版本` : '保留本机版本'}（${dto.fields
    .filter((f) => f.differs)
    .map((f) => `${f.label}：本机“${f.local}”，对方“${f.remote}”`)
    .join('；')}）`;
  return dto;
}

function summary(direction: 'in' | 'out', counts: string): string {
  const parsed = JSON.parse(counts) as Record<string, unknown>;
  return Object.entries(parsed)
    .map(([table, value]) => {
      const label = exchangeTableLabels[table as ExchangeTable] ?? table;
      if (direction === 'out') return `${label}${Number(value)}条`;
      const c = value as Record<string, number>;
      return `${label}：新增${c.new ?? 0}、更新${c.updated ?? 0}、未变${c.unchanged ?? 0}、冲突${c.conflict ?? 0}`;
    })
    .join('；');
}

export function exchangeHistory(ctx: ServiceContext): ExchangeHistoryDto {
  return {
    items: ctx.repos.exchange.history(200).map((r) => ({
      id: r.id,
      direction: r.direction,
      officeName: officeName(ctx, r.peerOfficeId),
      sequence: r.sequence,
      createdAt: r.createdAt,
      handledAt: r.handledAt,
      handledByName: r.handledByName,
      summary: summary(r.direction, r.counts),
      acknowledgedAt: r.acknowledgedAt,
    })),
  };
}
