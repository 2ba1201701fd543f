import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import { DomainError } from '../../errors';
import type { DossierPdfJob } from '../dossierPdf';
import type { DossierPdf } from '../pdf/assemble';
import type { RenderReply, RenderRequest } from './protocol';

// Dossier PDFs are typeset in a worker thread with a bounded heap. Laying out one dossier makes
// ~37 MB of garbage, and V8 lets a heap grow to several times its live size before a full
// collection: typeset in the desk's own heap, a batch of 200 peaked at ~515 MB RSS. In a worker
// whose old generation is capped, the same garbage is collected within the cap, and the desk's
// heap only sees plain data go out and finished PDFs come back. One worker serves the whole
// process (previews, archiving, batch export), one dossier at a time, and ends itself when idle
// so its memory goes back to the system.

/** The worker's heap: live ~45 MB while typesetting a 30-page dossier; the rest is headroom. */
export const TYPESETTER_LIMITS: ResourceLimits = { maxOldGenerationSizeMb: 96, maxYoungGenerationSizeMb: 16 };

/** How long an idle worker is kept for the next PDF before it ends. */
export const TYPESETTER_IDLE_MS = 30_000;

/** The worker died (out of memory, a bug): whatever needed the PDF stops with this message. */
export class TypesetterFailedError extends DomainError {
  constructor() {
    super('INTERNAL', '卷宗排版线程意外终止（可能是内存不足），卷宗PDF未能生成。请关闭其他程序后重试');
  }
}

/** The worker was closed while the PDF was being made. */
export class TypesetterClosedError extends Error {
  constructor() {
    super('dossier typesetter closed');
  }
}

/** Where the worker's code is: the bundle's own entry, or the TypeScript source run through tsx. */
function workerScript(): { file: string; eval: boolean } {
  if (__filename.endsWith('.ts')) {
    // Dev, tests and the bench: the new thread needs tsx's loader to read the source.
    const entry = join(__dirname, 'worker.ts');
    const tsx = createRequire(__filename).resolve('tsx/cjs/api');
    return {
      file: `require(${JSON.stringify(tsx)}).register();\nrequire(${JSON.stringify(entry)});`,
      eval: true,
    };
  }
  // The bundle: out/main/dossierTypesetter.cjs beside app.cjs (this code may sit in out/main/chunks),
  // inside app.asar when packaged — Electron loads worker scripts from the archive.
  const candidates = [__dirname, dirname(__dirname)].map((d) => join(d, 'dossierTypesetter.cjs'));
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error(`dossier typesetter: no worker bundle in ${candidates.join(', ')}`);
  return { file: found, eval: false };
}

interface Pending {
  resolve: (pdf: DossierPdf) => void;
  reject: (error: Error) => void;
}

export class DossierTypesetter {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private idle: NodeJS.Timeout | null = null;
  private closing = false;
  private failure: TypesetterFailedError | null = null;

  constructor(limits: ResourceLimits = TYPESETTER_LIMITS) {
    const script = workerScript();
    this.worker = new Worker(script.file, { eval: script.eval, resourceLimits: { ...limits } });
    this.worker.on('message', (reply: RenderReply) => this.settle(reply));
    // Out of memory, an uncaught exception, or the thread ending under us: every PDF in flight
    // fails with one clear message, and so does any later request to this worker.
    this.worker.on('error', (error) => this.fail(error));
    this.worker.on('exit', (code) => this.fail(new Error(`dossier typesetter exited with code ${code}`)));
    this.worker.unref();
  }

  /** Neither failed nor closed: it takes new work. */
  get usable(): boolean {
    return !this.failure && !this.closing;
  }

  render(job: DossierPdfJob): Promise<DossierPdf> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.closing) return Promise.reject(new TypesetterClosedError());
    if (this.idle) clearTimeout(this.idle);
    this.idle = null;
    const id = this.nextId++;
    // While a PDF is awaited the thread keeps the process alive; idle, it does not.
    if (!this.pending.size) this.worker.ref();
    return new Promise<DossierPdf>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      const request: RenderRequest = { id, job };
      this.worker.postMessage(request);
    });
  }

  /** Ends the thread and gives its memory back; a PDF in flight fails with TypesetterClosedError. */
  async close(): Promise<void> {
    if (this.closing) return;
    this.closing = true;
    if (this.idle) clearTimeout(this.idle);
    this.rejectAll(new TypesetterClosedError());
    await this.worker.terminate();
  }

  private settle(reply: RenderReply): void {
    const p = this.pending.get(reply.id);
    if (!p) return;
    this.pending.delete(reply.id);
    if (!this.pending.size) this.rest();
    if (reply.ok) p.resolve(reply.pdf);
    else if (reply.code) p.reject(new DomainError(reply.code, reply.message));
    else p.reject(new Error(`dossier typesetter: ${reply.message}`));
  }

  private rest(): void {
    this.worker.unref();
    this.idle = setTimeout(() => void this.close(), TYPESETTER_IDLE_MS);
    this.idle.unref();
  }

  private rejectAll(error: Error): void {
    const waiting = [...this.pending.values()];
    this.pending.clear();
    for (const p of waiting) p.reject(error);
  }

  private fail(cause: Error): void {
    if (this.closing || this.failure) return;
    console.error('[dossier typesetter]', cause);
    this.failure = new TypesetterFailedError();
    this.rejectAll(this.failure);
  }
}

let shared: DossierTypesetter | null = null;

/** The process's typesetter: started on first use, and again after it ended or died. */
export function typesetter(): DossierTypesetter {
  if (!shared?.usable) shared = new DossierTypesetter();
  return shared;
}

/** Typesets one dossier in the worker. */
export function typesetDossier(job: DossierPdfJob): Promise<DossierPdf> {
  return typesetter().render(job);
}
