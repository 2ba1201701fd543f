import type { Document } from 'docx';
import type { DocumentCase } from './model';
import type { DocumentKindId } from './registry';
import type { RenderOptions } from './printContext';

// The document layer's front door: pure generators from a DocumentCase to a docx Document, and
// render helpers that pack to a Buffer (what the IPC handler saves or prints, and what a
// benchmark times). The generators, docx and its layout model load with the first document
// (./generators): a desk that only registers and searches never holds them.

export * from './model';
export * from './registry';
export {
  checkConfirmation,
  chooseCourt,
  confirmationDeadline,
  entrustedRefusal,
  isCourtReferred,
  missingCourt,
  PROPERTY_RIGHTS_QUESTION,
  propertyRightsHint,
  type ConfirmationCheck,
} from './confirmation';
export {
  agreementFingerprint,
  agreementVerification,
  canonicalAgreement,
  parseVerificationInput,
  verificationMatches,
  type AgreementFingerprint,
  type ParsedVerification,
  type VerificationAssets,
} from './verification';
export type { DocumentContext, DocumentGenerator } from './generators/context';
export { assertPrintable, printableIssues } from './printable';
export * from './titles';
export type { RenderOptions } from './printContext';

const generatorsModule = () => import('./generators/index');

/** Packs a document to .docx bytes. */
export async function packDocument(doc: Document): Promise<Buffer> {
  return (await generatorsModule()).packDocument(doc);
}
export { formatDate } from './layout/dates';
export { amountText, capitalYuan, formatYuan } from './layout/money';

/** Builds one document; refuses (ConflictError) what a court would refuse, e.g. a late confirmation. */
export async function buildDocument(
  id: DocumentKindId,
  raw: DocumentCase,
  options: RenderOptions = {},
): Promise<Document> {
  return (await generatorsModule()).buildDocument(id, raw, options);
}

/** Generate and pack one document: the unit a benchmark times. */
export async function renderDocument(
  id: DocumentKindId,
  c: DocumentCase,
  options: RenderOptions = {},
): Promise<Buffer> {
  return packDocument(await buildDocument(id, c, options));
}

export const renderAgreement = (c: DocumentCase, options?: RenderOptions): Promise<Buffer> =>
  renderDocument('agreement', c, options);

export const renderConfirmationApplication = (c: DocumentCase, options?: RenderOptions): Promise<Buffer> =>
  renderDocument('confirmation-application', c, options);
