import { parentPort } from 'node:worker_threads';
import { DomainError } from '../../errors';
import { renderDossierJob } from '../dossierPdf';
import type { RenderReply, RenderRequest } from './protocol';

// The typesetting worker thread's entry (bundled on its own as out/main/dossierTypesetter.cjs, see
// client.ts): takes a dossier's plain data, typesets it, and sends the PDF back, its bytes
// transferred. A domain error (a scan that cannot be placed) goes back with its code and Chinese
// message, to be thrown again as one on the desk's side.

const port = parentPort;
if (!port) throw new Error('dossier typesetter: must run as a worker thread');

port.on('message', (request: RenderRequest) => {
  void renderDossierJob(request.job).then(
    (pdf) => {
      const reply: RenderReply = { id: request.id, ok: true, pdf };
      port.postMessage(reply, [pdf.bytes.buffer as ArrayBuffer]);
    },
    (error: unknown) => {
      const reply: RenderReply =
        error instanceof DomainError
          ? { id: request.id, ok: false, code: error.code, message: error.message }
          : { id: request.id, ok: false, code: null, message: String((error as Error)?.stack ?? error) };
      port.postMessage(reply);
    },
  );
});
