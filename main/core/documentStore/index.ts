// The case's Word documents as the desk keeps them: the case mapped onto the document layer's
// view model, which forms are available and why not, stored versions with their hashes, signed
// scans, audited exports, and 核验 of a printed agreement's code.

export { documentsOverview, availabilityOf } from './availability';
export { loadDocumentCase, stageOfStatus, type LoadedCase, type LoadOptions } from './caseDocument';
export { officeDateTime, parseStatements, splitList, splitRequests } from './text';
export { exportDocument, platformCapabilities, type ExportEnvironment } from './exporting';
export type { Platform } from './platform';
export { documentSettings, saveDocumentSettings, sealTextOf, type DocumentDeskSettings } from './settings';
export {
  attachScan,
  DOCX_MIME,
  fileNameOf,
  generateDocument,
  scanFile,
  versionDtos,
  versionFile,
  versionRow,
} from './versions';
export { verifyCode } from './verify';
export { refusalNoticeFile } from './refusalNotice';
