import type { Document } from 'docx';
import { ConflictError } from '../../errors';
import type { DocumentCase, IsoDate } from '../model';
import type { VerificationAssets } from '../verification';

// What a generator gets besides the case: the date it is printed (documents that show "today",
// ages) and, for agreements, the precomputed verification assets (the QR PNG is made
// asynchronously, generators stay synchronous and pure).

export interface DocumentContext {
  today: IsoDate;
  verification?: VerificationAssets;
}

export type DocumentGenerator = (c: DocumentCase, ctx: DocumentContext) => Document;

/** Data a document cannot be printed without; the message says what to record first. */
export function need<T>(value: T | undefined | null, message: string): T {
  if (value === undefined || value === null || (Array.isArray(value) && value.length === 0)) {
    throw new ConflictError(message);
  }
  return value;
}

/** 、-joined list, for names. */
export const joinNames = (names: readonly string[]): string => names.join('、');
