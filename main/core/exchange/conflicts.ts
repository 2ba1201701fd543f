import type { ConflictRow } from '../../../db';
import type { ConflictDto, ExchangeHistoryDto } from '../../contract';
import {
  exchangeFieldLabels,
  exchangeLine,
  exchangeTableLabels,
  type ExchangeLine,
  type ExchangeTable,
} from '../../contract/exchange/records';
import { isoNow } from '../clock';
import type { ServiceContext } from '../context';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import { packageCases } from './caseRules';
import { catalogueTitle } from './catalogueRules';
import { rulesOf } from './merge';
import { reindexCases } from './reindex';

// 冲突处理 (issue 14): a record both offices changed since their last agreed exchange waits here,
// both versions side by side, until a 管理员 keeps one. The sender's version converges at once;
// keeping this office's version (or a merge) stores it above the sender's version, so the next
// package carries it back to the sender, and the sender's next change raises a new conflict
// rather than overwriting it.

function shownValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '（空）';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  return JSON.stringify(value);
}

function officeName(ctx: ServiceContext, officeId: string): string {
  return ctx.repos.exchange.trusted(officeId)?.officeName ?? '（未知机构）';
}

type Fields = Record<string, unknown>;

function localOf(ctx: ServiceContext, table: ExchangeTable, id: string): Fields | undefined {
  return rulesOf(table).get(ctx.repos, { t: table, r: { id } } as ExchangeLine);
}

/** What a person recognises the record by: the village's name, the case's number. */
function titleOf(ctx: ServiceContext, table: ExchangeTable, remote: Fields): string {
  if (table === 'villages') return `${shownValue(remote.township)}${shownValue(remote.name)}`;
  if (table === 'cases') return shownValue(remote.caseNumber);
  if (table === 'mediators' || table === 'parties') return shownValue(remote.name);
  if (table === 'organisations' || table === 'dispute_types' || table === 'settings')
    return catalogueTitle(table, remote);
  if (table === 'screening_rounds') return `${shownValue(remote.heldOn)}${shownValue(remote.area)}的排查`;
  if (table === 'screening_analyses') return `${shownValue(remote.month)}的月度分析`;
  if (table === 'intake_refusals')
    return `${shownValue(remote.receivedOn)}${shownValue(remote.applicantName)}的不予受理登记`;
  const caseId = typeof remote.caseId === 'string' ? remote.caseId : undefined;
  const number = caseId ? ctx.repos.cases.byId(caseId)?.caseNumber : undefined;
  return number ? `${number}的${exchangeTableLabels[table]}` : exchangeTableLabels[table];
}

function toDto(ctx: ServiceContext, row: ConflictRow): ConflictDto {
  const table = row.tableName as ExchangeTable;
  const local = localOf(ctx, table, row.recordId) ?? (JSON.parse(row.local) as Fields);
  const remote = JSON.parse(row.remote) as Fields;
  const labels = exchangeFieldLabels[table];
  return {
    id: row.id,
    officeName: officeName(ctx, row.peerOfficeId),
    table,
    tableLabel: exchangeTableLabels[table],
    recordId: row.recordId,
    title: titleOf(ctx, table, remote),
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

export async function resolveConflict(
  ctx: ServiceContext,
  conflictId: string,
  resolution: {
    keep: 'local' | 'remote' | 'merged';
    fields?: Record<string, 'local' | 'remote'> | undefined;
  },
): Promise<ConflictDto> {
  const row = ctx.repos.exchange.conflict(conflictId);
  if (!row) throw new NotFoundError('未找到该冲突');
  if (row.resolvedAt) throw new ConflictError(`该冲突已由${row.resolvedByName ?? ''}处理，请刷新页面`);
  const dto = toDto(ctx, row);
  const table = row.tableName as ExchangeTable;
  const rules = rulesOf(table);
  const remoteLine: ExchangeLine = exchangeLine.parse({ t: table, r: JSON.parse(row.remote) as unknown });
  const remote = remoteLine.r as unknown as Fields & { version: number };
  const local = localOf(ctx, table, row.recordId);
  const at = isoNow(ctx.clock);
  let keep = resolution.keep;
  let choices = '';
  if (keep === 'merged') {
    const differing = dto.fields.filter((f) => f.differs);
    const missing = differing.filter((f) => !resolution.fields?.[f.field]);
    if (missing.length)
      throw ValidationError.field(
        ['fields'],
        '逐项选择',
        `请为“${missing.map((f) => f.label).join('、')}”选择本机或对方的值`,
      );
    if (differing.every((f) => resolution.fields?.[f.field] === 'remote')) keep = 'remote';
    else if (differing.every((f) => resolution.fields?.[f.field] === 'local')) keep = 'local';
    choices = differing
      .map(
        (f) =>
          `${f.label}取${resolution.fields?.[f.field] === 'remote' ? `对方“${f.remote}”` : `本机“${f.local}”`}`,
      )
      .join('；');
  }
  let kept: ExchangeLine;
  if (keep === 'remote') {
    const clash = remote.deletedAt ? undefined : rules.clash(ctx.repos, remoteLine);
    if (clash) throw new ConflictError(`对方版本${clash}，请先修改本机的那条记录`);
    kept = remoteLine;
  } else {
    if (!local) throw new NotFoundError('本机的这条记录已不存在，请选择采用对方版本');
    const merged: Fields = { ...local };
    if (keep === 'merged')
      for (const [field, side] of Object.entries(resolution.fields ?? {}))
        if (side === 'remote' && field in exchangeFieldLabels[table]) merged[field] = remote[field];
    // Above the sender's version: the sender's next change is again a change on both sides.
    merged.version = Math.max(Number(merged.version), remote.version) + 1;
    merged.updatedAt = at;
    kept = { t: table, r: merged } as ExchangeLine;
    const clash = merged.deletedAt ? undefined : rules.clash(ctx.repos, kept);
    if (clash) throw new ConflictError(`合并后${clash}，请换一种选择`);
  }
  rules.put(ctx.repos, kept);
  if (table !== 'villages') await reindexCases(ctx.repos, rules.casesOf(ctx.repos, kept, packageCases()));
  ctx.repos.exchange.setAgreedVersion(row.peerOfficeId, row.tableName, row.recordId, remote.version);
  ctx.repos.exchange.resolveConflict(conflictId, keep, at, ctx.actor.displayName);
  ctx.audit.target = row.recordId;
  const how =
    keep === 'remote'
      ? `采用${dto.officeName}的版本`
      : keep === 'local'
        ? '保留本机版本'
        : `逐项合并（${choices}）`;
  ctx.audit.detail = `${dto.tableLabel}“${dto.title}”：${how}（${dto.fields
    .filter((f) => f.differs)
    .map((f) => `${f.label}：本机“${f.local}”，对方“${f.remote}”`)
    .join('；')}）`;
  return dto;
}

/** What a package carried, table by table: only the tables it had records of (there are 26). */
function summary(direction: 'in' | 'out', counts: string): string {
  const parsed = JSON.parse(counts) as Record<string, unknown>;
  const any = (value: unknown) =>
    typeof value === 'number' ? value > 0 : Object.values(value as Record<string, number>).some((n) => n > 0);
  const parts = Object.entries(parsed)
    .filter(([, value]) => any(value))
    .map(([table, value]) => {
      const label = exchangeTableLabels[table as ExchangeTable] ?? table;
      if (direction === 'out') return `${label}${Number(value)}条`;
      const c = value as Record<string, number>;
      return `${label}：新增${c.new ?? 0}、更新${c.updated ?? 0}、未变${c.unchanged ?? 0}、冲突${c.conflict ?? 0}`;
    });
  return parts.join('；') || '无记录';
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
