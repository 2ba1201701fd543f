import { randomBytes, randomUUID } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { z } from 'zod';
import { infoSetNames, type InfoSetName } from '../../contract/province/infoSets';
import { permissionsOf, type provinceExportInput, type ProvinceJobDto } from '../../contract';
import type { ServiceContext } from '../context';
import { ConflictError, DomainError, ForbiddenError, NotFoundError, ValidationError } from '../errors';
import type { Session } from '../session/session';
import { scopeKeyOf } from './batches';
import { PackageCancelled } from './cancelled';
import { mappingById, savedMappings } from './mappingStore';
import { packageFileName, writePackage, type BatchForPackage } from './packageWriter';
import { checkPassword, packageKey, type Protection } from './protection';
import { progress, rawStep, step, type Run } from './jobSteps';
import { freezeCases, frozenPages, startBatch, type NewBatch } from './makeBatch';

// The export as a background job, like the dossier batch export: each step takes its turn on the
// session's mutex so the desk keeps answering (./jobSteps.ts), progress goes out as
// 'job:progress', and 取消 stops it after the current page. A new batch is frozen page by page in
// a 'preparing' batch that becomes 'pending' only when whole and written (a cancel, a lock or a
// failure drops it, ./makeBatch.ts); the package streams into a temporary zip meanwhile, which
// the screen collects once.

interface Job {
  dto: ProvinceJobDto;
  cancelled: boolean;
  userId: string;
  zipPath: string;
}

const jobsBySession = new WeakMap<Session, Map<string, Job>>();

function jobsOf(session: Session): Map<string, Job> {
  let jobs = jobsBySession.get(session);
  if (!jobs) jobsBySession.set(session, (jobs = new Map<string, Job>()));
  return jobs;
}

function protectionOf(ctx: ServiceContext, input: z.output<typeof provinceExportInput>): Protection {
  const p = input.protection;
  if (p.mode === 'none') {
    if (!permissionsOf(ctx.actor.roles).has('province:exportPlain')) {
      throw new ForbiddenError('只有管理员可以导出不加密的数据包，请选择密码或接收方公钥加密');
    }
    if (!input.confirmPlain) {
      throw ValidationError.field(
        ['confirmPlain'],
        '确认不加密',
        '不加密的数据包中个人信息可被任何人读取，请勾选确认后再导出',
      );
    }
    return p;
  }
  if (p.mode === 'password') checkPassword(p.password);
  return p;
}

/** Starts the job and returns at once. */
export async function startProvinceExport(
  ctx: ServiceContext,
  session: Session,
  input: z.output<typeof provinceExportInput>,
): Promise<ProvinceJobDto> {
  // One export at a time: a second would make or resend the same batch alongside the first.
  if ([...jobsOf(session).values()].some((j) => j.dto.state === 'running')) {
    throw new ConflictError('已有一个省级报送导出正在进行，请等它完成或取消后再导出');
  }
  const mapping = mappingById(input.mappingId, await savedMappings(ctx.repos));
  const protection = protectionOf(ctx, input);
  const keys = session.installationKeys();
  const pending = ctx.repos.provinceBatches.pending(scopeKeyOf(ctx.scope));
  const jobId = randomUUID();
  const job: Job = {
    dto: {
      jobId,
      state: 'running',
      phase: pending ? 'writing' : 'preparing',
      done: 0,
      total: 0,
      batchNo: pending?.batchNo ?? null,
      resent: Boolean(pending),
      fileName: null,
      heldBack: pending?.heldBack ?? 0,
      message: null,
    },
    cancelled: false,
    userId: ctx.actor.userId,
    zipPath: join(session.paths.temp, `province-${jobId}.zip`),
  };
  jobsOf(session).set(jobId, job);
  const how = { password: '密码加密', recipient: '接收方公钥加密', none: '不加密（已确认风险提示）' }[
    protection.mode
  ];
  ctx.audit.detail = `${pending ? `重新导出第${pending.batchNo}批` : '生成新批次'}；格式：${mapping.name}；${how}`;
  const run = {
    session,
    job,
    scope: ctx.scope,
    actor: { userId: ctx.actor.userId, displayName: ctx.actor.displayName },
    office: { id: ctx.office.id, name: ctx.office.name },
    sitting: session.sitting,
  };
  const batch = pending
    ? { id: pending.id, salt: pending.salt, isNew: false }
    : { id: randomUUID(), salt: randomBytes(16).toString('base64'), isNew: true };
  setImmediate(() => void runJob(run, batch, mapping, protection, keys));
  return { ...job.dto };
}

/** Starts writing the package, freezing a new batch on the way (see ./makeBatch.ts). */
async function runJob(
  run: Run,
  made: { id: string; salt: string; isNew: boolean },
  mapping: ReturnType<typeof mappingById>,
  protection: Protection,
  keys: ReturnType<Session['installationKeys']>,
): Promise<void> {
  const { session, job } = run;
  // The key is derived (scrypt, on the thread pool) while the batch is made or read.
  const key = packageKey(protection, made, keys);
  key.catch(() => undefined); // a wrong recipient key is reported where the package awaits it
  try {
    let batch: BatchForPackage;
    let fresh: NewBatch | null = null;
    let pages = (set: InfoSetName) => frozenPages(run, made.id, set);
    if (made.isNew) {
      fresh = batch = await startBatch(run, made);
      const cases = freezeCases(run, fresh);
      if (mapping.form === 'json') {
        // Written as frozen: the cases come last in the package, in the order they are walked.
        pages = (set) =>
          set === 'cases' ? afterwards(cases, () => writing(run, fresh!)) : frozenPages(run, made.id, set);
      } else {
        for await (const page of cases) void page;
        writing(run, fresh);
      }
    } else {
      const row = await step(run, () => session.repos().provinceBatches.byId(made.id)!);
      const counts = JSON.parse(row.counts) as Record<InfoSetName, number>;
      batch = { id: row.id, batchNo: row.batchNo, createdAt: row.createdAt, salt: row.salt, counts };
      job.dto.phase = 'writing';
      job.dto.done = 0;
      job.dto.total = recordsIn(batch);
    }
    const written = await writePackage({
      batch,
      office: run.office,
      mapping,
      key,
      encrypted: protection.mode !== 'none',
      keys,
      pages,
      onRecords: (n) => {
        if (fresh) return; // a new batch counted its records as it froze them
        job.dto.done += n;
        progress(run, `写入 ${job.dto.done}/${job.dto.total}`);
      },
      cancelled: () => job.cancelled,
      outPath: job.zipPath,
      tempDir: session.paths.temp,
    });
    if (fresh && recordsIn(fresh) === 0) {
      job.dto.heldBack = fresh.held;
      job.dto.state = 'failed';
      job.dto.message =
        fresh.held > 0
          ? `没有可以报送的记录：${fresh.held}条有变动的记录未通过校验，请先按校验结果修改`
          : '没有需要报送的新记录：所有记录都已报送且未再修改';
      await dropHalfMade(session);
      await rm(job.zipPath, { force: true });
      return;
    }
    await rawStep(run, (repos) => {
      if (fresh) repos.provinceBatches.finishPreparing(fresh.id, JSON.stringify(fresh.counts), fresh.held);
      repos.provinceBatches.exported(batch.id, session.clock.now().toISOString(), written.manifestSha256);
    });
    job.dto.fileName = packageFileName(batch.batchNo);
    job.dto.phase = 'done';
    job.dto.state = 'finished';
  } catch (error) {
    if (error instanceof PackageCancelled) {
      job.dto.state = 'cancelled';
      job.dto.message = '已取消，未生成数据包';
    } else {
      job.dto.state = 'failed';
      job.dto.message = error instanceof DomainError ? error.message : '导出时发生系统错误';
      if (!(error instanceof DomainError)) console.error('[province export]', error);
    }
    if (made.isNew) await dropHalfMade(session);
    await rm(job.zipPath, { force: true });
  } finally {
    void key.then(
      (k) => k.key?.fill(0),
      () => undefined,
    );
    progress(run, null);
    await auditFinished(run);
  }
}

const recordsIn = (batch: BatchForPackage) => infoSetNames.reduce((n, s) => n + batch.counts[s], 0);

/** A new batch is whole: what is left is writing out the package. */
function writing(run: Run, batch: NewBatch): void {
  const d = run.job.dto;
  d.phase = 'writing';
  d.heldBack = batch.held;
  d.batchNo = batch.batchNo;
  d.total = d.done = recordsIn(batch);
  progress(run, `写入 ${d.done}/${d.total}`);
}

/** The pages of `source`, then `then()` once it is drained. */
async function* afterwards<T>(source: AsyncIterable<T>, then: () => void): AsyncGenerator<T> {
  yield* source;
  then();
}

async function dropHalfMade(session: Session): Promise<void> {
  if (session.state !== 'unlocked') return; // the next batch drops it
  await session.mutex
    .run(() => session.transaction(async (repos) => repos.provinceBatches.dropPreparing()))
    .catch((error: unknown) => console.error('[province export] could not drop a half-made batch', error));
}

async function auditFinished(run: Run): Promise<void> {
  const { session, job } = run;
  // Written in the name of whoever is signed in: only in the sign-in that started the job.
  if (session.state !== 'unlocked' || session.sitting !== run.sitting) return;
  const d = job.dto;
  const verdict = { finished: '完成', cancelled: '已取消', failed: '失败', running: '' }[d.state];
  await session.mutex
    .run(() =>
      session.transaction((repos) =>
        session.audit(repos, {
          action: 'province:export',
          outcome: d.state === 'failed' ? 'error' : 'ok',
          actor: session.actor,
          detail: `省级报送导出${verdict}${d.batchNo ? `：第${d.batchNo}批，${d.total}条记录` : ''}${d.heldBack ? `，${d.heldBack}条未通过校验暂缓` : ''}${d.message ? `（${d.message}）` : ''}`,
        }),
      ),
    )
    .catch((error: unknown) => console.error('[province export] could not audit', error));
}

function jobFor(session: Session, jobId: string, userId: string): Job {
  const job = jobsOf(session).get(jobId);
  if (!job || job.userId !== userId) throw new NotFoundError('找不到该导出任务，可能已结束或已退出登录');
  return job;
}

export function provinceExportStatus(session: Session, jobId: string, userId: string): ProvinceJobDto {
  return { ...jobFor(session, jobId, userId).dto };
}

export function cancelProvinceExport(session: Session, jobId: string, userId: string): ProvinceJobDto {
  const job = jobFor(session, jobId, userId);
  if (job.dto.state === 'running') job.cancelled = true;
  return { ...job.dto };
}

/** The finished package, handed to the screen once; the temporary copy goes afterwards. */
export async function provinceExportFile(session: Session, jobId: string, userId: string) {
  const job = jobFor(session, jobId, userId);
  if (job.dto.state !== 'finished' || !job.dto.fileName)
    throw new NotFoundError('该导出任务没有可下载的数据包');
  const data = await readFile(job.zipPath);
  await rm(job.zipPath, { force: true });
  jobsOf(session).delete(jobId);
  return { fileName: job.dto.fileName, mimeType: 'application/zip', dataBase64: data.toString('base64') };
}
