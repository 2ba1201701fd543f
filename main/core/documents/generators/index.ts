import type { Document } from 'docx';
import { withoutHiddenCharacters } from '../cleanText';
import { ConflictError } from '../../errors';
import type { DocumentCase } from '../model';
import { documentContext, type RenderOptions } from '../printContext';
import { documentKind, type DocumentKind, type DocumentKindId } from '../registry';
import { printable } from '../printable';
import type { DocumentGenerator } from './context';
import { agreementDocument } from './agreement';
import { applicationDocument } from './application';
import { confirmationApplicationDocument } from './confirmationApplication';
import { courtReportDocument } from './courtReport';
import { dossierContentsDocument } from './dossierContents';
import { dossierCoverDocument } from './dossierCover';
import { dossierNoteDocument } from './dossierNote';
import { intakeRegisterDocument } from './intakeRegister';
import { investigationRecordDocument } from './investigationRecord';
import { mediationRecordDocument } from './mediationRecord';
import { oralAgreementDocument } from './oralAgreement';
import { returnVisitDocument } from './returnVisit';
import { rightsNoticeDocument } from './rightsNotice';
import { terminationNoticeDocument } from './terminationNotice';

// The case forms' generators: the code that builds docx Documents (docx and its layout model,
// ~25 MB once loaded). The registry names them; this module is loaded with the first document a
// desk prints (index.ts), or by the dossier typesetter, never at start.

export const generators = {
  application: applicationDocument,
  'intake-register': intakeRegisterDocument,
  'rights-notice': rightsNoticeDocument,
  'investigation-record': investigationRecordDocument,
  'mediation-record': mediationRecordDocument,
  agreement: agreementDocument,
  'oral-agreement': oralAgreementDocument,
  'confirmation-application': confirmationApplicationDocument,
  'court-report': courtReportDocument,
  'termination-notice': terminationNoticeDocument,
  'return-visit': returnVisitDocument,
  'dossier-cover': dossierCoverDocument,
  'dossier-contents': dossierContentsDocument,
  'dossier-note': dossierNoteDocument,
} satisfies Record<DocumentKind['id'], DocumentGenerator>;

/** The kind's generator, which first checks the case is printable with the staff the kind needs. */
export function generatorOf(kind: DocumentKind): DocumentGenerator {
  return printable(generators[kind.id], kind.staff);
}

/** Builds one document; refuses (ConflictError) what a court would refuse, e.g. a late confirmation. */
export async function buildDocument(
  id: DocumentKindId,
  raw: DocumentCase,
  options: RenderOptions = {},
): Promise<Document> {
  // Whatever the rows hold, the XML gets only characters it can carry (cleanText.ts).
  const c = withoutHiddenCharacters(raw);
  const kind = documentKind(id);
  const ctx = await documentContext(id, c, options);
  const refusals = kind.refusals?.(c, ctx.today) ?? [];
  if (refusals.length > 0) throw new ConflictError(`不能生成${kind.title}：${refusals.join('')}`);
  return generatorOf(kind)(c, ctx);
}

export { packDocument } from '../layout/page';
export { refusalNoticeDocument } from './refusalNotice';
export { monthlyAnalysisDocument } from './monthlyAnalysis';
