import type { Document } from 'docx';
import { ConflictError } from '../errors';
import { packDocument } from './layout/page';
import type { DocumentCase, IsoDate } from './model';
import { documentKind, type DocumentKindId } from './registry';
import { agreementVerification } from './verification';
import { withoutHiddenCharacters } from './cleanText';
import type { DocumentContext } from './generators/context';

// The document layer's front door: pure generators from a DocumentCase to a docx Document, and
// render helpers that pack to a Buffer (what the IPC handler saves or prints, and what a
// benchmark times).

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
export { packDocument } from './layout/page';
export { formatDate } from './layout/dates';
export { amountText, capitalYuan, formatYuan } from './layout/money';

export interface RenderOptions {
  /** Printing date (ISO); defaults to the local date now. Pass the app clock's date. */
  today?: IsoDate;
}

function localToday(): IsoDate {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Builds the context a kind needs (the QR code for verified kinds is made here, async). */
export async function documentContext(
  id: DocumentKindId,
  c: DocumentCase,
  options: RenderOptions = {},
): Promise<DocumentContext> {
  const ctx: DocumentContext = { today: options.today ?? localToday() };
  // Without an agreement the generator itself reports what is missing.
  if (documentKind(id).verified && c.agreement) ctx.verification = await agreementVerification(c);
  return ctx;
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
  return kind.generate(c, ctx);
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
