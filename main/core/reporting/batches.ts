import { createHash } from 'node:crypto';
import type { ProvinceBatchRow, Repositories } from '../../../db';
import { infoSetNames, type InfoSetName, type InfoSetRecord } from '../../contract/province/infoSets';
import type { ProvinceBatchDto, ProvinceValidationDto } from '../../contract';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import type { ActorScope } from '../scope/actorScope';
import { casePage, mediatorRecords, organisationRecords, screeningRecords } from './records';
import { labelOf, linkOf, problemsOf, type HeldRecord } from './validate';

// Batches (批次) of the provincial package. A batch carries every record in the actor's scope
// whose content differs from what the province last acknowledged, and is valid; invalid ones
// wait, with their problems. Once made, a batch's records are frozen: until the province
// acknowledges it (receipt file or a manual 已报送 mark), exporting again resends it unchanged.

export const CASE_PAGE = 500;
const HELD_SHOWN = 500;

/** Batches belong to a scope: the committees whose records they carry. */
export function scopeKeyOf(scope: ActorScope): string {
  return [...scope.principals].sort().join(',');
}

export interface ExaminedRecord {
  recordId: string;
  hash: string;
  payload: string;
}

export interface Examined {
  ready: ExaminedRecord[];
  held: HeldRecord[];
  unchanged: number;
}

export function hashOf(payload: string): string {
  return createHash('sha256').update(payload).digest('hex');
}

/** Compares records with the watermark and validates the changed ones. */
export function examine(
  repos: Repositories,
  set: InfoSetName,
  records: InfoSetRecord[],
  today: string,
): Examined {
  const sent = repos.provinceBatches.sentHashes(
    set,
    records.map((r) => r.id),
  );
  const out: Examined = { ready: [], held: [], unchanged: 0 };
  for (const record of records) {
    const payload = JSON.stringify(record);
    const hash = hashOf(payload);
    if (sent.get(record.id) === hash) {
      out.unchanged += 1;
      continue;
    }
    const problems = problemsOf(set, record, today);
    if (problems.length) {
      out.held.push({
        infoSet: set,
        recordId: record.id,
        label: labelOf(set, record),
        link: linkOf(set, record.id),
        problems,
      });
    } else {
      out.ready.push({ recordId: record.id, hash, payload });
    }
  }
  return out;
}

/** The small info-sets, whole: organisations, mediators and screening rounds in scope. */
export function smallSets(repos: Repositories, scope: ActorScope): [InfoSetName, InfoSetRecord[]][] {
  const orgs = [...scope.organisations].sort();
  return [
    ['organisations', organisationRecords(repos, orgs)],
    ['mediators', mediatorRecords(repos, orgs)],
    ['screenings', screeningRecords(repos, orgs)],
  ];
}

const zero = (): Record<InfoSetName, number> =>
  Object.fromEntries(infoSetNames.map((s) => [s, 0])) as Record<InfoSetName, number>;

/** 校验: what the next batch would carry and what is held back, without writing anything. */
export function validateAll(repos: Repositories, scope: ActorScope, today: string): ProvinceValidationDto {
  const result: ProvinceValidationDto = {
    ready: zero(),
    held: zero(),
    unchanged: zero(),
    heldRecords: [],
    pendingBatchNo: repos.provinceBatches.pending(scopeKeyOf(scope))?.batchNo ?? null,
  };
  const take = (set: InfoSetName, examined: Examined) => {
    result.ready[set] += examined.ready.length;
    result.held[set] += examined.held.length;
    result.unchanged[set] += examined.unchanged;
    for (const h of examined.held) if (result.heldRecords.length < HELD_SHOWN) result.heldRecords.push(h);
  };
  for (const [set, records] of smallSets(repos, scope)) take(set, examine(repos, set, records, today));
  for (let after = ''; ;) {
    const page = casePage(repos, scope.principals, after, CASE_PAGE);
    if (page.last === null) break;
    take('cases', examine(repos, 'cases', page.records, today));
    after = page.last;
  }
  return result;
}

export function batchDto(row: ProvinceBatchRow): ProvinceBatchDto {
  return {
    id: row.id,
    batchNo: row.batchNo,
    state: row.state === 'acknowledged' ? 'acknowledged' : 'pending',
    createdAt: row.createdAt,
    createdByName: row.createdByName,
    counts: JSON.parse(row.counts) as Record<InfoSetName, number>,
    heldBack: row.heldBack,
    exports: row.exports,
    lastExportedAt: row.lastExportedAt,
    acknowledgedOn: row.acknowledgedOn,
    acknowledgedByName: row.acknowledgedByName,
    acknowledgement: row.acknowledgement,
    receiptNote: row.receiptNote,
  };
}

function pendingBatch(repos: Repositories, scope: ActorScope, batchNo: number): ProvinceBatchRow {
  const batch = repos.provinceBatches.byNumber(batchNo);
  if (!batch || batch.scopeKey !== scopeKeyOf(scope)) throw new NotFoundError(`找不到第${batchNo}批报送数据`);
  if (batch.state === 'acknowledged') {
    throw new ConflictError(`第${batchNo}批已于${batch.acknowledgedOn}登记为已报送，无需重复登记`);
  }
  if (batch.state !== 'pending' || batch.exports === 0) {
    throw new ConflictError(`第${batchNo}批尚未导出数据包，请先导出再登记报送`);
  }
  return batch;
}

/** 已报送: the 档案员 marks the batch as received by the province on a date. */
export function acknowledgeManually(
  repos: Repositories,
  scope: ActorScope,
  input: { batchNo: number; on: string; note?: string | undefined },
  byName: string,
): ProvinceBatchDto {
  const batch = pendingBatch(repos, scope, input.batchNo);
  if (input.on < batch.createdAt.slice(0, 10)) {
    throw ValidationError.field(
      ['on'],
      '报送日期',
      `不能早于第${batch.batchNo}批的生成日期 ${batch.createdAt.slice(0, 10)}`,
    );
  }
  repos.provinceBatches.acknowledge(batch, {
    on: input.on,
    byName,
    kind: 'manual',
    note: input.note ?? null,
  });
  return batchDto(repos.provinceBatches.byId(batch.id)!);
}

interface Receipt {
  format: string;
  batch?: { id?: unknown; number?: unknown };
  manifestSha256?: unknown;
  receivedOn?: unknown;
  note?: unknown;
}

/** The province's receipt file (回执): it names the batch and the manifest it received. */
export function acknowledgeByReceipt(
  repos: Repositories,
  scope: ActorScope,
  text: string,
  byName: string,
): ProvinceBatchDto {
  let receipt: Receipt;
  try {
    receipt = JSON.parse(text) as Receipt;
  } catch {
    throw ValidationError.field(
      ['receipt'],
      '回执文件',
      '不是有效的回执文件（无法读取），请选择省级系统返回的回执',
    );
  }
  if (
    receipt?.format !== 'pingluo-mediation-desk/province-receipt' ||
    typeof receipt.batch?.number !== 'number'
  ) {
    throw ValidationError.field(['receipt'], '回执文件', '不是省级报送的回执文件，请选择省级系统返回的回执');
  }
  const batch = pendingBatch(repos, scope, receipt.batch.number);
  if (receipt.batch.id !== batch.id || receipt.manifestSha256 !== batch.manifestSha256) {
    throw ValidationError.field(
      ['receipt'],
      '回执文件',
      `回执对应的数据包与本机最后导出的第${batch.batchNo}批不一致，请重新导出本批并报送，或核对回执`,
    );
  }
  const on =
    typeof receipt.receivedOn === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(receipt.receivedOn)
      ? receipt.receivedOn
      : null;
  if (!on) throw ValidationError.field(['receipt'], '回执文件', '回执中没有接收日期（receivedOn）');
  repos.provinceBatches.acknowledge(batch, {
    on,
    byName,
    kind: 'receipt',
    note: typeof receipt.note === 'string' ? receipt.note.slice(0, 200) : null,
  });
  return batchDto(repos.provinceBatches.byId(batch.id)!);
}
