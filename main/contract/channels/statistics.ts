import { empty } from '../schemas/common';
import {
  dashboardDto,
  dashboardInput,
  qualityDto,
  qualityInput,
  saveStatisticsConfigInput,
  statisticsConfig,
} from '../schemas/statistics';
import { monthlyReturnFileDto, monthlyReturnInput, returnStatusDto } from '../schemas/monthlyReturn';
import { defineChannels } from './spec';

// 统计分析 (issue 15): the figures within the user's committee scope. The drill-down is cases:list
// with `statistic` (channels/cases.ts), so it keeps the list's permission and scope.

export const statisticsChannels = defineChannels({
  'statistics:dashboard': {
    input: dashboardInput,
    output: dashboardDto,
    access: 'statistics:read',
    kind: 'query',
    label: '查看统计分析',
  },
  'statistics:quality': {
    input: qualityInput,
    output: qualityDto,
    access: 'statistics:read',
    kind: 'query',
    label: '查看数据质量',
  },
  'statistics:config': {
    input: empty,
    output: statisticsConfig,
    access: 'statistics:read',
    kind: 'query',
    label: '查看统计设置',
  },
  'statistics:saveConfig': {
    input: saveStatisticsConfigInput,
    output: statisticsConfig,
    access: 'statistics:manage',
    kind: 'mutation',
    label: '修改年度目标与统计口径',
  },
  // 月报: a plaintext copy of the figures leaves the encrypted store, so the export is audited.
  'statistics:monthlyReturn': {
    input: monthlyReturnInput,
    output: monthlyReturnFileDto,
    access: 'statistics:read',
    kind: 'mutation',
    label: '导出月报',
    ids: { committeeId: 'organisation' },
  },
  'statistics:returnStatus': {
    input: monthlyReturnInput,
    output: returnStatusDto,
    access: 'statistics:read',
    kind: 'query',
    label: '查看月报报送情况',
    ids: { committeeId: 'organisation' },
  },
  'statistics:submitReturn': {
    input: monthlyReturnInput,
    output: returnStatusDto,
    access: 'statistics:manage',
    kind: 'mutation',
    label: '报送月报',
    ids: { committeeId: 'organisation' },
  },
});
