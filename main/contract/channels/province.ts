import { z } from 'zod';
import { empty } from '../schemas/common';
import {
  provinceAcknowledgeInput,
  provinceBatchDto,
  provinceExportInput,
  provinceJobDto,
  provinceJobInput,
  provinceOverviewDto,
  provincePackageFileDto,
  provinceReceiptInput,
  provinceValidationDto,
} from '../schemas/province';
import { defineChannels } from './spec';

// 省级报送 (issue 16). The 档案员 and the 管理员 report their scope's records; the services
// build every query from the caller's committee scope, so no id in these inputs needs checking.
// Only the 管理员 may send without encryption, or add a mapping (a new target format).

export const provinceChannels = defineChannels({
  'province:overview': {
    input: empty,
    output: provinceOverviewDto,
    access: 'province:report',
    kind: 'query',
    label: '查看省级报送',
  },
  'province:validate': {
    input: empty,
    output: provinceValidationDto,
    access: 'province:report',
    kind: 'query',
    label: '省级报送数据校验',
  },
  'province:export': {
    input: provinceExportInput,
    output: provinceJobDto,
    access: 'province:report',
    kind: 'mutation',
    label: '导出省级报送数据包',
  },
  'province:exportStatus': {
    input: provinceJobInput,
    output: provinceJobDto,
    access: 'province:report',
    kind: 'query',
    label: '查看省级报送导出进度',
    ids: { jobId: 'job' },
  },
  'province:cancelExport': {
    input: provinceJobInput,
    output: provinceJobDto,
    access: 'province:report',
    kind: 'mutation',
    label: '取消省级报送导出',
    ids: { jobId: 'job' },
  },
  'province:download': {
    input: provinceJobInput,
    output: provincePackageFileDto,
    access: 'province:report',
    kind: 'mutation',
    label: '下载省级报送数据包',
    ids: { jobId: 'job' },
  },
  'province:acknowledge': {
    input: provinceAcknowledgeInput,
    output: provinceBatchDto,
    access: 'province:report',
    kind: 'mutation',
    label: '登记已报送',
  },
  'province:receipt': {
    input: provinceReceiptInput,
    output: provinceBatchDto,
    access: 'province:report',
    kind: 'mutation',
    label: '导入省级报送回执',
  },
  'province:saveMapping': {
    input: z.strictObject({
      mapping: z.string().min(2, '请选择映射文件').max(200_000, '映射文件过大').describe('映射文件'),
    }),
    output: z.object({ id: z.string(), name: z.string(), form: z.enum(['json', 'xlsx']) }),
    access: 'province:exportPlain',
    kind: 'mutation',
    label: '添加省级报送格式（映射）',
  },
});
