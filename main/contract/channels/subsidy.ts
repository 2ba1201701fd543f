import { z } from 'zod';
import { documentFileDto } from '../schemas/documents';
import {
  periodInput,
  setGradeInput,
  settlementDto,
  subsidyCaseDto,
  subsidyRulesDto,
  subsidyYearInput,
} from '../schemas/subsidy';
import { empty } from '../schemas/common';
import { defineChannels } from './spec';

// 以案定补 (issue 15). The county reviewer (档案员, who also does 案卷评查) grades cases and runs,
// approves and exports the settlements, over the cases in their committee scope; 领导 reads them;
// the 管理员 sets the rules per year.

export const subsidyChannels = defineChannels({
  'subsidy:rules': {
    input: subsidyYearInput,
    output: subsidyRulesDto,
    access: ['subsidy:read', 'settings:manage'],
    kind: 'query',
    label: '查看以案定补标准',
  },
  'subsidy:saveRules': {
    input: subsidyRulesDto,
    output: subsidyRulesDto,
    access: 'settings:manage',
    kind: 'mutation',
    label: '设置以案定补标准',
  },
  'subsidy:cases': {
    input: empty,
    output: z.array(subsidyCaseDto),
    access: 'subsidy:read',
    kind: 'query',
    label: '查看以案定补案件',
  },
  'subsidy:setGrade': {
    input: setGradeInput,
    output: subsidyCaseDto,
    access: 'subsidy:review',
    kind: 'mutation',
    label: '审核案件补贴等级',
    ids: { caseId: 'case:file' },
  },
  'subsidy:settlement': {
    input: periodInput,
    output: settlementDto,
    access: 'subsidy:read',
    kind: 'query',
    label: '查看以案定补结算',
  },
  'subsidy:run': {
    input: periodInput,
    output: settlementDto,
    access: 'subsidy:review',
    kind: 'mutation',
    label: '计算以案定补',
  },
  'subsidy:approve': {
    input: periodInput,
    output: settlementDto,
    access: 'subsidy:review',
    kind: 'mutation',
    label: '审批锁定以案定补结算',
  },
  'subsidy:export': {
    input: periodInput,
    output: documentFileDto,
    access: 'subsidy:review',
    kind: 'mutation',
    label: '导出以案定补结算表',
  },
});
