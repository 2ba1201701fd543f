import { randomUUID } from 'node:crypto';
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ZipFile } from 'yazl';
import type { z } from 'zod';
import type { Repositories, ScopePrincipals } from '../../../db';
import type { exportBatchInput, ExportJobDto } from '../../contract';
import type { ServiceContext } from '../context';
import { officeStamp, today } from '../dates';
import { DomainError, NotFoundError } from '../errors';
import type { Session } from '../session/session';
import { dossierText } from './list';
import { dossierPdfSource, pdfFileOf } from './pdfFile';
import { typesetDossier, TypesetterFailedError } from './typesetter/client';

// Batch export: the archivist picks cases by a filter (committee, filing period, state) or from
// the list, and gets their dossier PDFs in a folder or one zip. The job runs in the background one
// dossier at a time: each dossier is read taking its turn on the session's mutex, then typeset in
// the typesetter's worker thread outside it, so the desk answers other calls in between (the
// window never waits for the batch). Progress goes out as 'job:progress' events — the one shape
// every progress bar reads — and a cancel stops it after the current dossier. Cases without a
// filed dossier, or whose scans cannot be placed, are skipped and named; a failed job leaves no zip.

const LABEL = '批量导出卷宗';

interface Job {
  dto: ExportJobDto;
  cancelled: boolean;
  zipPath: string | null;
  actorName: string;
  /** Who started it: only they may follow, stop or collect it. */
  userId: string;
  /** The sign-in it was started in (Session.sitting). */
  sitting: object | null;
}

const jobsBySession = new WeakMap<Session, Map<string, Job>>();

function jobsOf(session: Session): Map<string, Job> {
  let jobs = jobsBySession.get(session);
  if (!jobs) {
    jobs = new Map<string, Job>();
    jobsBySession.set(session, jobs);
  }
  return jobs;
}

/** The dossiers to export: those chosen (the dispatcher checked each is in scope), or the list's. */
function selectCases(
  repos: Repositories,
  scope: ScopePrincipals,
  input: z.output<typeof exportBatchInput>,
): { caseId: string; caseNumber: string }[] {
  if (input.caseIds?.length) {
    return input.caseIds.map((id) => ({ caseId: id, caseNumber: repos.cases.byId(id)?.caseNumber ?? id }));
  }
  const { rows } = repos.dossiers.list({
    scope,
    ...(input.committeeId ? { committeeId: input.committeeId } : {}),
    ...(input.state ? { state: input.state } : {}),
    ...(input.reviewed !== undefined ? { reviewed: input.reviewed } : {}),
    ...(input.query ? { text: dossierText(input.query) } : {}),
    ...(input.filedFrom ? { filedFrom: input.filedFrom } : {}),
    ...(input.filedTo ? { filedTo: input.filedTo } : {}),
    limit: 100_000,
    offset: 0,
  });
  return rows.map((r) => ({ caseId: r.caseId, caseNumber: r.caseNumber }));
}

/** Starts the job and returns at once; the work happens between other calls. */
export function startExport(
  ctx: ServiceContext,
  session: Session,
  input: z.output<typeof exportBatchInput>,
): ExportJobDto {
  const cases = selectCases(ctx.repos, ctx.scope.principals, input);
  const jobId = randomUUID();
  const now = ctx.clock.now();
  const folder =
    input.target === 'folder' ? join(session.paths.dataDir, '导出', `卷宗-${officeStamp(now)}`) : null;
  const job: Job = {
    dto: {
      jobId,
      total: cases.length,
      done: 0,
      state: 'running',
      exported: 0,
      skipped: [],
      folder,
      zipName: null,
    },
    cancelled: false,
    zipPath: input.target === 'zip' ? join(session.paths.temp, `export-${jobId}.zip`) : null,
    actorName: ctx.actor.displayName,
    userId: ctx.actor.userId,
    sitting: session.sitting,
  };
  jobsOf(session).set(jobId, job);
  ctx.audit.detail = `${cases.length}个案件，${input.target === 'zip' ? '打包为一个压缩文件' : `导出到文件夹 ${folder}`}`;
  setImmediate(() => void run(session, job, cases, `卷宗-${officeStamp(now)}.zip`));
  return { ...job.dto };
}

function progress(session: Session, job: Job, current: string | null): void {
  session.emit('job:progress', {
    jobId: job.dto.jobId,
    label: LABEL,
    done: job.dto.done,
    total: job.dto.total,
    current,
    state: job.dto.state,
  });
}

type Outcome = { skip: string } | { file: { fileName: string; bytes: Uint8Array } };

/**
 * One dossier: read under the session's lock, typeset outside it in the worker (an archived
 * revision is its stored file). A case that cannot be exported is a skip with its reason; a
 * worker that died, a locked session or a system error stops the batch.
 */
async function exportOne(session: Session, job: Job, caseId: string): Promise<Outcome> {
  const source = await session.mutex.run(async () => {
    if (session.state !== 'unlocked') throw new DomainError('UNAUTHENTICATED', '会话已锁定，批量导出已中止');
    // The batch reads in the name and scope of the sign-in that started it, and writes into the
    // temporary folder every lock empties: a lock or another sign-in since then ends it.
    if (session.sitting !== job.sitting)
      throw new DomainError(
        'UNAUTHENTICATED',
        session.actor?.userId === job.userId
          ? '会话曾被锁定，批量导出已中止'
          : '已有其他用户登录，批量导出已中止',
      );
    const repos = session.repos();
    if (!repos.cases.byId(caseId)) return { skip: '找不到该案件' };
    if (!repos.dossiers.byCase(caseId)) return { skip: '尚未立卷' };
    try {
      return await dossierPdfSource(repos, caseId, {
        today: today(session.clock),
        actorName: job.actorName,
        at: session.clock.now(),
      });
    } catch (error) {
      if (error instanceof DomainError) return { skip: error.message };
      throw error;
    }
  });
  if (!('job' in source)) return source;
  try {
    return { file: pdfFileOf(source.fileName, await typesetDossier(source.job)) };
  } catch (error) {
    if (error instanceof DomainError && !(error instanceof TypesetterFailedError))
      return { skip: error.message };
    throw error;
  }
}

async function run(
  session: Session,
  job: Job,
  cases: { caseId: string; caseNumber: string }[],
  zipName: string,
) {
  const zip = job.zipPath ? new ZipFile() : null;
  let zipDone: Promise<void> | null = null;
  let out: WriteStream | null = null;
  try {
    if (zip && job.zipPath) {
      await mkdir(session.paths.temp, { recursive: true, mode: 0o700 });
      const stream = createWriteStream(job.zipPath, { mode: 0o600 });
      out = stream;
      zipDone = new Promise((resolve, reject) => {
        stream.on('close', resolve);
        stream.on('error', reject);
      });
      // Marked handled: on failure the stream is destroyed and nobody awaits it any more.
      zipDone.catch(() => undefined);
      zip.outputStream.pipe(stream);
    }
    if (job.dto.folder) await mkdir(job.dto.folder, { recursive: true });
    const names = new Set<string>();
    for (const item of cases) {
      if (job.cancelled) break;
      progress(session, job, item.caseNumber);
      const outcome = await exportOne(session, job, item.caseId);
      if ('skip' in outcome) {
        job.dto.skipped.push({ caseNumber: item.caseNumber, reason: outcome.skip });
      } else {
        let name = outcome.file.fileName;
        for (let n = 2; names.has(name); n++) name = outcome.file.fileName.replace(/\.pdf$/, `-${n}.pdf`);
        names.add(name);
        // A view of the PDF's bytes, not a copy: yazl only reads them.
        const { buffer, byteOffset, byteLength } = outcome.file.bytes;
        if (zip) zip.addBuffer(Buffer.from(buffer, byteOffset, byteLength), name);
        else await writeFile(join(job.dto.folder!, name), outcome.file.bytes);
        job.dto.exported += 1;
      }
      job.dto.done += 1;
      // Let the calls that queued during this dossier run before the next one.
      await new Promise((resolve) => setImmediate(resolve));
    }
    if (zip) {
      zip.end();
      await zipDone;
      job.dto.zipName = zipName;
    }
    job.dto.state = job.cancelled ? 'cancelled' : 'finished';
  } catch (error) {
    if (!(error instanceof DomainError)) console.error('[dossier export]', error);
    // Nothing half-written stays behind: the unfinished zip is removed, never offered — before
    // the job reads as failed, so whoever sees 失败 never finds the file still there.
    if (out) zip?.outputStream.unpipe(out);
    out?.destroy();
    if (job.zipPath) await rm(job.zipPath, { force: true }).catch(() => undefined);
    job.dto.skipped.push({
      caseNumber: '',
      reason:
        error instanceof TypesetterFailedError
          ? `${error.message}。批量导出已中止，未保存不完整的压缩文件`
          : error instanceof DomainError
            ? error.message
            : '导出时发生系统错误',
    });
    job.dto.state = 'failed';
  }
  progress(session, job, null);
  await auditFinished(session, job);
}

async function auditFinished(session: Session, job: Job): Promise<void> {
  // Written in the name of whoever is signed in: only in the sign-in that started the job.
  if (session.state !== 'unlocked' || session.sitting !== job.sitting) return;
  const d = job.dto;
  const verdict = { finished: '完成', cancelled: '已取消', failed: '失败', running: '' }[d.state];
  await session.mutex
    .run(() =>
      session.transaction((repos) =>
        session.audit(repos, {
          action: 'dossiers:exportBatch',
          outcome: d.state === 'failed' ? 'error' : 'ok',
          actor: session.actor,
          detail: `批量导出${verdict}：导出${d.exported}份，跳过${d.skipped.length}份${d.folder ? `，位置 ${d.folder}` : ''}`,
        }),
      ),
    )
    .catch((error: unknown) => console.error('[dossier export] could not audit', error));
}

function jobFor(session: Session, jobId: string, userId: string): Job {
  const job = jobsOf(session).get(jobId);
  if (!job || job.userId !== userId) throw new NotFoundError('找不到该导出任务，可能已结束或已退出登录');
  return job;
}

export function exportStatus(session: Session, jobId: string, userId: string): ExportJobDto {
  return { ...jobFor(session, jobId, userId).dto };
}

export function cancelExport(session: Session, jobId: string, userId: string): ExportJobDto {
  const job = jobFor(session, jobId, userId);
  if (job.dto.state === 'running') job.cancelled = true;
  return { ...job.dto };
}

/** The finished zip, handed to the screen once; the temp copy is removed afterwards. */
export async function exportZip(
  session: Session,
  jobId: string,
  userId: string,
): Promise<{ fileName: string; mimeType: string; dataBase64: string }> {
  const job = jobFor(session, jobId, userId);
  if (!job.zipPath || !job.dto.zipName) throw new NotFoundError('该导出任务没有可下载的压缩文件');
  const data = await readFile(job.zipPath);
  await rm(job.zipPath, { force: true });
  jobsOf(session).delete(jobId);
  return { fileName: job.dto.zipName, mimeType: 'application/zip', dataBase64: data.toString('base64') };
}
