import { empty } from '../schemas/common';
import {
  conflictDto,
  conflictsDto,
  exchangeHistoryDto,
  exchangeImportDto,
  exchangePackageDto,
  exchangePreviewDto,
  generatePackageInput,
  packageFileInput,
  packagePlanDto,
  packagePlanInput,
  resolveConflictInput,
  exchangeOverviewDto,
  keyCardDto,
  keyCardPreviewDto,
  previewKeyCardInput,
  revokeOfficeInput,
  trustOfficeInput,
  trustedOfficeDto,
} from '../schemas/exchange';
import { defineChannels } from './spec';

// 数据交换 (issue 14): the 管理员 trusts offices by their 机构密钥卡, and sends and imports
// township ⇄ county packages. Offices are not committees of the user's scope: the services
// check them against the trusted-office list.

export const exchangeChannels = defineChannels({
  'exchange:overview': {
    input: empty,
    output: exchangeOverviewDto,
    access: 'exchange:manage',
    kind: 'query',
    label: '查看数据交换',
  },
  'exchange:keyCard': {
    input: empty,
    output: keyCardDto,
    access: 'exchange:manage',
    kind: 'mutation',
    label: '导出机构密钥卡',
  },
  'exchange:previewKeyCard': {
    input: previewKeyCardInput,
    output: keyCardPreviewDto,
    access: 'exchange:manage',
    kind: 'query',
    label: '读取机构密钥卡',
  },
  'exchange:trust': {
    input: trustOfficeInput,
    output: trustedOfficeDto,
    access: 'exchange:manage',
    kind: 'mutation',
    label: '信任机构',
  },
  'exchange:revoke': {
    input: revokeOfficeInput,
    output: trustedOfficeDto,
    access: 'exchange:manage',
    kind: 'mutation',
    label: '撤销信任机构',
    ids: { officeId: 'organisation' },
  },
});

// ── packages (issue 14) ──
export const exchangePackageChannels = defineChannels({
  'exchange:plan': {
    input: packagePlanInput,
    output: packagePlanDto,
    access: 'exchange:manage',
    kind: 'query',
    label: '查看待发送的数据',
    ids: { officeId: 'organisation' },
  },
  'exchange:generate': {
    input: generatePackageInput,
    output: exchangePackageDto,
    access: 'exchange:manage',
    kind: 'mutation',
    label: '生成数据包',
    ids: { officeId: 'organisation' },
  },
  'exchange:preview': {
    input: packageFileInput,
    output: exchangePreviewDto,
    access: 'exchange:manage',
    kind: 'query',
    label: '校验数据包',
    // The screen's own id for the progress events of this one call (job:progress).
    ids: { jobId: 'job' },
  },
  'exchange:import': {
    input: packageFileInput,
    output: exchangeImportDto,
    access: 'exchange:manage',
    kind: 'mutation',
    label: '导入数据包',
    // The screen's own id for the progress events of this one call (job:progress).
    ids: { jobId: 'job' },
  },
  'exchange:history': {
    input: empty,
    output: exchangeHistoryDto,
    access: 'exchange:manage',
    kind: 'query',
    label: '查看数据包记录',
  },
  'exchange:conflicts': {
    input: empty,
    output: conflictsDto,
    access: 'exchange:manage',
    kind: 'query',
    label: '查看数据冲突',
  },
  'exchange:resolveConflict': {
    input: resolveConflictInput,
    output: conflictDto,
    access: 'exchange:manage',
    kind: 'mutation',
    label: '处理数据冲突',
    ids: { conflictId: 'conflict' },
  },
});
