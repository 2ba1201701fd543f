import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ProvinceExportInput, ProvinceJobDto } from '../../../main/contract';
import type { TestApp } from '../../helpers/app';
import { tempDir } from '../../helpers/tempDir';

export const PASSWORD = 'Pingluo2026report';

/** Runs an export job to its end and returns it, with the package's bytes when it finished. */
export async function exportPackage(
  app: TestApp,
  input: ProvinceExportInput,
): Promise<{ job: ProvinceJobDto; bytes: Buffer | null; file: string | null }> {
  let job = await app.ok('province:export', input);
  while (job.state === 'running') {
    await new Promise((resolve) => setTimeout(resolve, 10));
    job = await app.ok('province:exportStatus', { jobId: job.jobId });
  }
  if (job.state !== 'finished') return { job, bytes: null, file: null };
  const download = await app.ok('province:download', { jobId: job.jobId });
  const bytes = Buffer.from(download.dataBase64, 'base64');
  const file = join(tempDir('province-'), download.fileName);
  writeFileSync(file, bytes);
  return { job, bytes, file };
}

/** The province's checker script, run as the province would: exit code and what it printed. */
export function runChecker(file: string, args: string[] = []): { code: number; out: string } {
  const script = join(import.meta.dirname, '../../../scripts/province-check.mjs');
  try {
    return { code: 0, out: execFileSync(process.execPath, [script, file, ...args], { encoding: 'utf8' }) };
  } catch (error) {
    const e = error as { status: number; stdout: string };
    return { code: e.status, out: e.stdout };
  }
}
