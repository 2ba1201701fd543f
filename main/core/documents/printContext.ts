import type { DocumentContext } from './generators/context';
import type { DocumentCase, IsoDate } from './model';
import { documentKind, type DocumentKindId } from './registry';
import { agreementVerification } from './verification';

// What a document is printed with besides the case: the date, and for verified kinds the QR code
// and short code (made here, asynchronously, so the generators stay synchronous and pure).

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
