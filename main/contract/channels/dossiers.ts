import { z } from 'zod';
import { empty, id } from '../schemas/common';
import { textRule } from '../schemas/freeText';
import {
  archiveDossierInput,
  attachPaperInput,
  dossierDto,
  dossierFileDto,
  dossierPageDto,
  dossierPdfInput,
  exportBatchInput,
  exportJobDto,
  fileDossierInput,
  jobInput,
  listDossiersInput,
  reopenDossierInput,
  reviewChecklistDto,
  reviewDossierInput,
  reviewSummaryDto,
  updateDossierInput,
} from '../schemas/dossiers';
import { defineChannels } from './spec';

// 卷宗. Filing and scanning in paper is open to archivists and the case's mediators; archiving and
// re-opening only to archivists (档案员); every PDF that leaves the store is an audited mutation.

const pdfReaders = ['dossiers:file', 'dossiers:archive', 'dossiers:review'] as const;

export const dossierChannels = defineChannels({
  'dossiers:get': {
    input: z.strictObject({ caseId: id }),
    output: dossierDto,
    access: 'cases:read',
    kind: 'query',
    label: '查看卷宗',
    ids: { caseId: 'case:read' },
  },
  'dossiers:file': {
    input: fileDossierInput,
    output: dossierDto,
    access: 'dossiers:file',
    kind: 'mutation',
    label: '立卷',
    ids: { caseId: 'case:file' },
  },
  'dossiers:update': {
    input: updateDossierInput,
    output: dossierDto,
    access: 'dossiers:file',
    kind: 'mutation',
    label: '修改卷宗信息',
    ids: { caseId: 'case:file' },
  },
  'dossiers:attachPaper': {
    input: attachPaperInput,
    output: dossierDto,
    access: 'dossiers:file',
    kind: 'mutation',
    label: '补充卷宗扫描件',
    ids: { caseId: 'case:file' },
  },
  'dossiers:archive': {
    input: archiveDossierInput,
    output: dossierDto,
    access: 'dossiers:archive',
    kind: 'mutation',
    label: '归档',
    ids: { caseId: 'case:file' },
  },
  'dossiers:reopen': {
    input: reopenDossierInput,
    output: dossierDto,
    access: 'dossiers:archive',
    kind: 'mutation',
    label: '重新打开卷宗',
    ids: { caseId: 'case:file' },
  },
  'dossiers:pdf': {
    input: dossierPdfInput,
    output: dossierFileDto,
    access: pdfReaders,
    kind: 'mutation',
    label: '导出卷宗PDF',
    ids: { caseId: 'case:read' },
  },
  'dossiers:list': {
    input: listDossiersInput,
    output: dossierPageDto,
    access: 'cases:read',
    kind: 'query',
    label: '查询卷宗',
    ids: { committeeId: 'organisation' },
  },
  'dossiers:reviewSummary': {
    input: z.strictObject({ year: z.number().int().min(2000).max(2100).optional() }),
    output: reviewSummaryDto,
    access: 'cases:read',
    kind: 'query',
    label: '评查情况汇总',
  },
  'dossiers:checklist': {
    input: empty,
    output: reviewChecklistDto,
    // Those who review by it, and the 管理员 who sets it in 系统设置 (no case data in it).
    access: ['cases:read', 'settings:manage'],
    kind: 'query',
    label: '查看评查表',
  },
  'dossiers:saveChecklist': {
    input: z.strictObject({
      items: z
        .array(
          z.strictObject({
            key: z.string().check(textRule('评查项目代码')).trim().min(1).max(40),
            label: z.string().check(textRule('评查项目名称')).trim().min(2, '评查项目名称至少2个字').max(30),
            max: z.number().int().min(1).max(100),
          }),
        )
        .min(1, '至少一个评查项目')
        .max(30)
        .describe('评查项目'),
      grades: z
        .array(
          z.strictObject({
            grade: z.string().check(textRule('等次')).trim().min(2).max(10),
            min: z.number().min(0).max(1000),
          }),
        )
        .min(1, '至少一个等次')
        .max(10)
        .describe('等次'),
    }),
    output: reviewChecklistDto,
    access: 'settings:manage',
    kind: 'mutation',
    label: '修改案卷评查表',
  },
  'dossiers:review': {
    input: reviewDossierInput,
    output: dossierDto,
    access: 'dossiers:review',
    kind: 'mutation',
    label: '案卷评查',
    ids: { caseId: 'case:file' },
  },
  'dossiers:exportBatch': {
    input: exportBatchInput,
    output: exportJobDto,
    access: pdfReaders,
    kind: 'mutation',
    label: '批量导出卷宗',
    ids: { committeeId: 'organisation', 'caseIds[]': 'case:read' },
  },
  'dossiers:exportStatus': {
    input: jobInput,
    output: exportJobDto,
    access: pdfReaders,
    kind: 'query',
    label: '查看批量导出进度',
    ids: { jobId: 'job' },
  },
  'dossiers:cancelExport': {
    input: jobInput,
    output: exportJobDto,
    access: pdfReaders,
    kind: 'mutation',
    label: '取消批量导出',
    ids: { jobId: 'job' },
  },
  'dossiers:exportZip': {
    input: jobInput,
    output: z.object({ fileName: z.string(), mimeType: z.string(), dataBase64: z.string() }),
    access: pdfReaders,
    kind: 'mutation',
    label: '下载批量导出的压缩包',
    ids: { jobId: 'job' },
  },
});
