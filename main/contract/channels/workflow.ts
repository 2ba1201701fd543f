import { z } from 'zod';
import type { IdPaths } from '../ids';
import { empty, id } from '../schemas/common';
import { longText } from '../schemas/freeText';
import {
  dispatchInput,
  escalateInput,
  referOutInput,
  respondInput,
  suggestionDto,
} from '../schemas/dispatch';
import {
  addAttachmentInput,
  addRecordInput,
  attachmentDto,
  closeInput,
  extendDeadlineInput,
  informRoutesInput,
  recordAgreementInput,
  recordConfirmationRulingInput,
  recordVisitInput,
  riskReportInput,
  setEffectiveInput,
  terminateInput,
} from '../schemas/mediation';
import { overviewDto, todoDto, workflowDto } from '../schemas/workflow';
import { backupTodoDto } from '../schemas/backup';
import { transitions } from '../workflow';
import { defineChannels } from './spec';

const caseId = z.strictObject({ caseId: id });
const step = { output: workflowDto, kind: 'mutation' as const };
/** Dispatch and transfer: the case changes hands; the committee and mediators may be anyone's. */
const assignmentIds: IdPaths = {
  caseId: 'case:write',
  committeeId: 'organisation',
  'mediatorIds[]': 'mediator',
  leadMediatorId: 'mediator',
  'overrides[].mediatorId': 'mediator',
};

export const workflowChannels = defineChannels({
  'workflow:get': {
    input: caseId,
    output: workflowDto,
    access: 'cases:read',
    kind: 'query',
    label: '查看办理进程',
    ids: { caseId: 'case:read' },
  },
  'dispatch:suggest': {
    input: caseId,
    output: suggestionDto,
    access: 'cases:dispatch',
    kind: 'query',
    label: '分流建议',
    ids: { caseId: 'case:read' },
  },
  'workflow:dispatch': {
    input: dispatchInput,
    ...step,
    access: transitions.dispatch.permission,
    label: transitions.dispatch.label,
    ids: assignmentIds,
  },
  'workflow:respond': {
    input: respondInput,
    ...step,
    /** null: the case was returned (退回) and is no longer in this user's scope (it was only dispatched here). */
    output: workflowDto.nullable(),
    access: transitions.accept.permission,
    label: '接收或退回案件',
    ids: { caseId: 'case:respond' },
  },
  'workflow:transfer': {
    input: dispatchInput.extend({ reason: longText('移交理由', 200, 4) }),
    ...step,
    access: transitions.transfer.permission,
    label: transitions.transfer.label,
    ids: assignmentIds,
  },
  'workflow:escalate': {
    input: escalateInput,
    ...step,
    access: transitions.escalate.permission,
    label: transitions.escalate.label,
    ids: { caseId: 'case:write' },
  },
  'workflow:referOut': {
    input: referOutInput,
    ...step,
    access: transitions.referOut.permission,
    label: transitions.referOut.label,
    ids: { caseId: 'case:write' },
  },
  'workflow:addRecord': {
    input: addRecordInput,
    ...step,
    access: 'cases:mediate',
    label: '登记调查或调解记录',
    ids: { caseId: 'case:write' },
  },
  'workflow:addAttachment': {
    input: addAttachmentInput,
    output: attachmentDto,
    kind: 'mutation',
    access: 'cases:mediate',
    label: '上传证据材料',
    ids: { caseId: 'case:write', recordId: 'record:read' },
  },
  'workflow:getAttachment': {
    input: z.strictObject({ id }),
    output: z.object({ fileName: z.string(), mimeType: z.string(), dataBase64: z.string() }),
    access: 'cases:read',
    kind: 'query',
    label: '查看证据材料',
    ids: { id: 'attachment:read' },
  },
  'workflow:recordAgreement': {
    input: recordAgreementInput,
    ...step,
    access: transitions.recordAgreement.permission,
    label: transitions.recordAgreement.label,
    ids: { caseId: 'case:write' },
  },
  'workflow:setEffective': {
    input: setEffectiveInput,
    ...step,
    access: 'cases:mediate',
    label: '登记协议生效日期',
    ids: { caseId: 'case:write' },
  },
  'workflow:confirmationRuling': {
    input: recordConfirmationRulingInput,
    ...step,
    access: 'cases:mediate',
    label: '登记司法确认结果',
    ids: { caseId: 'case:write' },
  },
  'workflow:beginPerformance': {
    input: caseId,
    ...step,
    access: transitions.beginPerformance.permission,
    label: transitions.beginPerformance.label,
    ids: { caseId: 'case:write' },
  },
  'workflow:recordVisit': {
    input: recordVisitInput,
    ...step,
    access: transitions.recordVisit.permission,
    label: transitions.recordVisit.label,
    ids: { caseId: 'case:write' },
  },
  'workflow:terminate': {
    input: terminateInput,
    ...step,
    access: transitions.terminate.permission,
    label: transitions.terminate.label,
    ids: { caseId: 'case:write' },
  },
  'workflow:informRoutes': {
    input: informRoutesInput,
    ...step,
    access: transitions.informRoutes.permission,
    label: transitions.informRoutes.label,
    ids: { caseId: 'case:write' },
  },
  'workflow:close': {
    input: closeInput,
    ...step,
    access: transitions.close.permission,
    label: transitions.close.label,
    ids: { caseId: 'case:write' },
  },
  'workflow:riskReport': {
    input: riskReportInput,
    ...step,
    access: ['cases:mediate', 'cases:dispatch'],
    label: '登记民转刑风险报告',
    ids: { caseId: 'case:write' },
  },
  'workflow:extendDeadline': {
    input: extendDeadlineInput,
    ...step,
    access: ['cases:mediate', 'cases:dispatch'],
    label: '延长调解期限',
    ids: { caseId: 'case:write' },
  },
  'todo:mine': {
    input: empty,
    // backup (issue 12): the 管理员's 我的待办 carries the backups' health.
    output: todoDto.extend({ backup: backupTodoDto.nullable() }),
    access: ['cases:read', 'backup:manage'],
    kind: 'query',
    label: '我的待办',
  },
  'todo:overview': {
    input: empty,
    output: overviewDto,
    access: 'overview:read',
    kind: 'query',
    label: '全县待办概况',
  },
});
