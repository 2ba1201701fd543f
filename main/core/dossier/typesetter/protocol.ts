import type { ErrorCode } from '../../../contract';
import type { DossierPdfJob } from '../dossierPdf';
import type { DossierPdf } from '../pdf/assemble';

// The messages between the batch export and its typesetting worker: plain data both ways. A
// dossier's PDF comes back with its bytes transferred, not copied.

export interface RenderRequest {
  id: number;
  job: DossierPdfJob;
}

export type RenderReply =
  | { id: number; ok: true; pdf: DossierPdf }
  /** code: a DomainError's (a scan that cannot be placed…), to be thrown again as one; else null. */
  | { id: number; ok: false; code: ErrorCode | null; message: string };
