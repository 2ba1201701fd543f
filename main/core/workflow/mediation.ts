import { createHash } from 'node:crypto';
import type { z } from 'zod';
import {
  displayNameFor,
  MAX_ATTACHMENT_BYTES,
  recordKindLabels,
  type addAttachmentInput,
  type addRecordInput,
} from '../../contract';
import type { ServiceContext } from '../context';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import { recordHistory } from '../cases/history';
import { newRecord } from '../newRecord';
import { contentMatches } from '../files/fileType';
import { CASE_NOT_FOUND } from '../scope';

// Investigation and mediation records, and evidence attachments (kept inside the encrypted
// database; the content must be what the declared type says: files/fileType.ts).

const recordable = ['mediating', 'succeeded', 'performing', 'terminated'];

function openCase(ctx: ServiceContext, caseId: string) {
  const c = ctx.repos.cases.byId(caseId);
  if (!c) throw new NotFoundError(CASE_NOT_FOUND);
  ctx.audit.target = caseId;
  return c;
}

export function addRecord(ctx: ServiceContext, input: z.output<typeof addRecordInput>): void {
  const c = openCase(ctx, input.caseId);
  if (!recordable.includes(c.status)) throw new ConflictError('案件接收并开始调解后，才能登记调查或调解记录');
  // Compare instants, not strings: the contract accepts times written with an offset (+08:00).
  if (Date.parse(input.heldAt) > ctx.clock.now().getTime())
    throw ValidationError.field(['heldAt'], '时间', '不能晚于现在');
  const now = ctx.clock.now().toISOString();
  ctx.repos.workflow.insertRecord({
    ...newRecord(ctx, now),
    caseId: c.id,
    kind: input.kind,
    heldAt: input.heldAt,
    place: input.place,
    participants: input.participants ?? null,
    partiesPresent: input.partiesPresent,
    rightsNotified: input.rightsNotified,
    statements: input.statements,
    result: input.result ?? null,
    recorder: input.recorder,
    createdByName: ctx.actor.displayName,
  });
  recordHistory(ctx, c.id, `登记${recordKindLabels[input.kind]}`, [], `${input.place}`);
  ctx.audit.detail = `${c.caseNumber}：${recordKindLabels[input.kind]}`;
}

export function addAttachment(ctx: ServiceContext, input: z.output<typeof addAttachmentInput>) {
  const c = openCase(ctx, input.caseId);
  if (c.status === 'voided') throw new ConflictError('已作废的案件不能上传材料');
  if (input.recordId && !ctx.repos.workflow.records(c.id).some((r) => r.id === input.recordId)) {
    throw ValidationError.field(['recordId'], '所属记录', '该记录不属于本案');
  }
  const data = Buffer.from(input.dataBase64, 'base64');
  if (data.length === 0) throw ValidationError.field(['dataBase64'], '文件', '文件是空的');
  if (data.length > MAX_ATTACHMENT_BYTES)
    throw ValidationError.field(['dataBase64'], '文件', '文件超过10 MB，请压缩或分开上传');
  if (!contentMatches(input.mimeType, data)) {
    throw ValidationError.field(
      ['dataBase64'],
      '文件',
      '文件内容与类型不符：只能上传真实的 JPG、PNG、TIFF 图片或 PDF 文件',
    );
  }
  const now = ctx.clock.now().toISOString();
  const fileName = displayNameFor(input.fileName, input.mimeType);
  const row = {
    ...newRecord(ctx, now),
    caseId: c.id,
    recordId: input.recordId ?? null,
    fileName,
    mimeType: input.mimeType,
    size: data.length,
    sha256: createHash('sha256').update(data).digest('hex'),
    description: input.description ?? null,
    addedByName: ctx.actor.displayName,
  };
  ctx.repos.workflow.insertAttachment(row, data);
  recordHistory(ctx, c.id, '上传证据材料', [], fileName);
  ctx.audit.detail = `${c.caseNumber}：${fileName}（${Math.ceil(data.length / 1024)} KB）`;
  return {
    id: row.id,
    recordId: row.recordId,
    fileName: row.fileName,
    mimeType: row.mimeType,
    size: row.size,
    sha256: row.sha256,
    description: row.description,
    addedAt: now,
    addedByName: row.addedByName,
  };
}

export function getAttachment(ctx: ServiceContext, id: string) {
  const row = ctx.repos.workflow.attachmentData(id);
  if (!row) throw new NotFoundError('找不到该材料');
  return {
    fileName: row.fileName,
    mimeType: row.mimeType,
    dataBase64: Buffer.from(row.data).toString('base64'),
  };
}
