import { empty } from '../schemas/common';
import {
  attachScanInput,
  caseDocumentsInput,
  documentFileDto,
  documentSettingsDto,
  documentsOverviewDto,
  documentVersionDto,
  DOCUMENT_HANDLERS,
  exportDocumentInput,
  exportResultDto,
  generateDocumentInput,
  generatedDocumentDto,
  listVersionsInput,
  platformDto,
  saveDocumentSettingsInput,
  scanInput,
  verificationDto,
  verifyInput,
  versionInput,
} from '../schemas/documents';
import { z } from 'zod';
import { defineChannels } from './spec';

// Generating is part of handling the case (mediators, and dispatchers who run the county desk);
// reading, previewing and exporting a copy is open to whoever may read the case. Every
// plaintext copy that leaves the encrypted store (download, save as, open in Word) is a
// mutation so that it is audited, like revealing an ID number.

const handlers = DOCUMENT_HANDLERS;

export const documentChannels = defineChannels({
  'documents:platform': {
    input: empty,
    output: platformDto,
    access: 'signedIn',
    kind: 'query',
    label: '查询文书功能',
  },
  'documents:list': {
    input: caseDocumentsInput,
    output: documentsOverviewDto,
    access: 'cases:read',
    kind: 'query',
    label: '查看案件文书',
    ids: { caseId: 'case:read' },
  },
  'documents:generate': {
    input: generateDocumentInput,
    output: generatedDocumentDto,
    // Narrowed per kind by generateAccess(): a 受理员 may print only the intake forms.
    access: [...handlers, 'cases:create'],
    kind: 'mutation',
    label: '生成文书',
    ids: { caseId: 'case:write', 'confirmation.applicantPartyIds[]': 'caseParty:read' },
  },
  'documents:versions': {
    input: listVersionsInput,
    output: z.array(documentVersionDto),
    access: 'cases:read',
    kind: 'query',
    label: '查看文书版本',
    ids: { caseId: 'case:read' },
  },
  'documents:get': {
    input: versionInput,
    output: documentFileDto,
    access: 'cases:read',
    kind: 'query',
    label: '预览文书',
    ids: { versionId: 'document:read' },
  },
  'documents:export': {
    input: exportDocumentInput,
    output: exportResultDto,
    access: 'cases:read',
    kind: 'mutation',
    label: '导出文书',
    ids: { versionId: 'document:read' },
  },
  'documents:attachScan': {
    input: attachScanInput,
    output: documentVersionDto,
    access: handlers,
    kind: 'mutation',
    label: '上传签署扫描件',
    ids: { versionId: 'document:write' },
  },
  'documents:getScan': {
    input: scanInput,
    output: documentFileDto,
    access: 'cases:read',
    kind: 'query',
    label: '查看签署扫描件',
    ids: { scanId: 'scan:read' },
  },
  'documents:verify': {
    input: verifyInput,
    output: verificationDto,
    access: 'cases:read',
    kind: 'query',
    label: '核验协议书',
  },
  'documents:settings': {
    input: empty,
    output: documentSettingsDto,
    access: 'settings:manage',
    kind: 'query',
    label: '查看文书设置',
  },
  'documents:saveSettings': {
    input: saveDocumentSettingsInput,
    output: documentSettingsDto,
    access: 'settings:manage',
    kind: 'mutation',
    label: '修改文书设置',
  },
});
