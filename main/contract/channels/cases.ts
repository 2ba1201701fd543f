import { z } from 'zod';
import { catalogDto, disputeTypeDto, saveDisputeTypeInput, saveVillageInput, villageDto } from '../schemas/catalog';
import {
  caseDetail,
  casePage,
  createCaseInput,
  draftDto,
  draftInput,
  draftKey,
  listCasesInput,
  listRefusalsInput,
  refusalDto,
  refusalInput,
  refusalPage,
  repeatCheckInput,
  repeatMatch,
  revealIdInput,
  updateCaseInput,
  voidCaseInput,
} from '../schemas/cases';
import { id, empty } from '../schemas/common';
import { partySuggestion, searchPartiesInput } from '../schemas/parties';
import { defineChannels } from './spec';

export const caseChannels = defineChannels({
  'catalog:get': { input: empty, output: catalogDto, access: 'signedIn', kind: 'query', label: '读取基础目录' },
  'catalog:saveDisputeType': {
    input: saveDisputeTypeInput,
    output: disputeTypeDto,
    access: 'catalog:manage',
    kind: 'mutation',
    label: '维护纠纷类型',
  },
  'catalog:saveVillage': {
    input: saveVillageInput,
    output: villageDto,
    access: 'catalog:manage',
    kind: 'mutation',
    label: '维护村（社区）',
  },
  'cases:create': { input: createCaseInput, output: caseDetail, access: 'cases:create', kind: 'mutation', label: '登记纠纷' },
  'cases:checkRepeats': {
    input: repeatCheckInput,
    output: z.array(repeatMatch),
    access: 'cases:create',
    kind: 'query',
    label: '检查重复纠纷',
  },
  'cases:update': { input: updateCaseInput, output: caseDetail, access: 'cases:edit', kind: 'mutation', label: '修改案件登记' },
  'cases:void': { input: voidCaseInput, output: caseDetail, access: 'cases:void', kind: 'mutation', label: '作废案件' },
  'cases:clerks': {
    input: empty,
    output: z.array(z.object({ id, name: z.string() })),
    access: 'cases:read',
    kind: 'query',
    label: '列出登记人',
  },
  'cases:get': { input: z.strictObject({ id }), output: caseDetail, access: 'cases:read', kind: 'query', label: '查看案件' },
  'cases:list': { input: listCasesInput, output: casePage, access: 'cases:read', kind: 'query', label: '查询案件' },
  'cases:revealIdNumber': {
    input: revealIdInput,
    output: z.object({ idNumber: z.string() }),
    access: 'cases:read',
    kind: 'mutation',
    label: '查看完整证件号码',
  },
  'parties:search': {
    input: searchPartiesInput,
    output: z.array(partySuggestion),
    access: 'cases:create',
    kind: 'query',
    label: '查找已登记当事人',
  },
  'intake:refuse': { input: refusalInput, output: refusalDto, access: 'cases:create', kind: 'mutation', label: '登记不予受理' },
  'intake:listRefusals': {
    input: listRefusalsInput,
    output: refusalPage,
    access: 'cases:read',
    kind: 'query',
    label: '查看不予受理登记',
  },
  'drafts:get': { input: draftKey, output: draftDto, access: 'cases:create', kind: 'query', label: '读取草稿' },
  'drafts:save': {
    input: draftInput,
    output: z.object({ savedAt: z.string() }),
    access: 'cases:create',
    kind: 'mutation',
    label: '自动保存草稿',
    audit: false,
  },
  'drafts:clear': { input: draftKey, output: z.object({}), access: 'cases:create', kind: 'mutation', label: '清除草稿', audit: false },
});
