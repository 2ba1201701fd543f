import { z } from 'zod';
import { empty } from '../schemas/common';
import { documentFileDto } from '../schemas/documents';
import {
  analysisDto,
  analysisKey,
  cadenceDto,
  listRoundsInput,
  recordRoundInput,
  roundDto,
  saveAnalysisInput,
  screeningDueDto,
} from '../schemas/screening';
import { defineChannels } from './spec';

// 两排查一分析 (issue 15). A committee records and sees only its own organisation's rounds and
// those of the organisations under it (the service checks organisationId against ctx.scope).
// A finding registered as a case goes through the intake rules in the same transaction.

const newCaseIds = {
  'findings[].caseId': 'case:read',
  'findings[].newCase.committeeId': 'committee:intake',
  'findings[].newCase.parties[].partyId': 'party:read',
  'findings[].newCase.parties[].casePartyId': 'caseParty:read',
  'findings[].newCase.relatedCaseIds[]': 'case:read',
} as const;

export const screeningChannels = defineChannels({
  'screening:record': {
    input: recordRoundInput,
    output: roundDto,
    access: 'screening:record',
    kind: 'mutation',
    label: '登记矛盾纠纷排查',
    ids: { organisationId: 'organisation', ...newCaseIds },
  },
  'screening:list': {
    input: listRoundsInput,
    output: z.array(roundDto),
    access: 'screening:read',
    kind: 'query',
    label: '查看排查记录',
    ids: { organisationId: 'organisation' },
  },
  'screening:due': {
    input: empty,
    output: screeningDueDto,
    access: 'screening:read',
    kind: 'query',
    label: '排查周期提醒',
  },
  'screening:cadence': {
    input: empty,
    output: cadenceDto,
    access: ['screening:read', 'settings:manage'],
    kind: 'query',
    label: '查看排查频次',
  },
  'screening:saveCadence': {
    input: cadenceDto,
    output: cadenceDto,
    access: 'settings:manage',
    kind: 'mutation',
    label: '设置排查频次',
  },
  'screening:analysis': {
    input: analysisKey,
    output: analysisDto,
    access: 'screening:read',
    kind: 'query',
    label: '查看月度分析',
    ids: { organisationId: 'organisation' },
  },
  'screening:saveAnalysis': {
    input: saveAnalysisInput,
    output: analysisDto,
    access: 'screening:record',
    kind: 'mutation',
    label: '保存月度矛盾纠纷分析',
    ids: { organisationId: 'organisation' },
  },
  'screening:analysisDocx': {
    input: analysisKey,
    output: documentFileDto,
    access: 'screening:read',
    // A plaintext copy leaves the encrypted store: audited like a document export.
    kind: 'mutation',
    label: '导出月度矛盾纠纷分析',
    ids: { organisationId: 'organisation' },
  },
});
