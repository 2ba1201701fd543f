import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Statements } from '../../../db/sql';
import { defaultBackupKeep } from '../../../main/contract';
import type { TestApp } from '../../helpers/app';
import { tempDir } from '../../helpers/tempDir';
import { agreedCase, workflowWorld, type World } from '../documentStore/world';

// An office with real data for the backup tests: the rich 渠口乡 case (three parties with ID
// numbers and phones, records, a written agreement, its 协议书 as a stored document), the users and
// roster of the workflow world, and a backup folder set by the 管理员 (who is signed in).

export interface BackupWorld extends World {
  folder: string;
  caseId: string;
}

export async function backupWorld(): Promise<BackupWorld> {
  const w = await workflowWorld();
  const { caseId } = await agreedCase(w);
  await w.app.ok('documents:generate', { caseId, kind: 'agreement' });
  await w.as('admin');
  const folder = tempDir('desk-backups-');
  await w.app.ok('backup:saveSettings', { folder, autoDaily: true, ...defaultBackupKeep });
  return { ...w, folder, caseId };
}

/** 立即备份, waiting for the background job; the written file's path. */
export async function backUp(app: TestApp): Promise<string> {
  await app.ok('backup:run', {});
  const outcome = await app.backup.whenIdle();
  if (!outcome) throw new Error(`backup failed: ${app.backup.health().lastError?.message}`);
  return outcome.path;
}

/** Every file in a folder with its bytes, to prove nothing was touched. */
export function snapshotFiles(dir: string, only?: (name: string) => boolean): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir).sort()) {
    if (only && !only(name)) continue;
    try {
      out[name] = createHash('sha256')
        .update(readFileSync(join(dir, name)))
        .digest('hex');
    } catch {
      // a folder
    }
  }
  return out;
}

/** The live data files of an installation: database, its WAL and the key file. */
export const liveFiles = (name: string) => /^(desk\.db(-wal|-shm)?|keys\.json)$/.test(name);

function rowsHash(rows: unknown[]): string {
  const lines = rows
    .map((row) =>
      JSON.stringify(row, (_k, v: unknown) =>
        Buffer.isBuffer(v) ? `b64:${v.toString('base64')}` : typeof v === 'bigint' ? `n:${v}` : v,
      ),
    )
    .sort();
  return createHash('sha256').update(lines.join('\n')).digest('hex');
}

/**
 * A hash over every row of every table (FTS shadow tables included), per table. The audit log
 * and its head (settings 'audit.head') are hashed up to `auditSeq` when given: a restore and the
 * sign-in after it rightly append to the restored chain. On the centre's PostgreSQL: every table
 * of the desk's database, sealed values as the desk reads them (opened).
 */
export function tableHashes(sql: Statements, auditSeq?: number): Record<string, string> {
  const tables =
    sql.dialect === 'sqlite'
      ? sql.all<{ name: string }>(
          `SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name`,
        )
      : sql.all<{ name: string }>(
          `SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename`,
        );
  const out: Record<string, string> = {};
  for (const { name } of tables) {
    // Not through the statement cache (SQLite): one statement per table, once.
    let rows =
      sql.dialect === 'sqlite'
        ? (sql.raw.prepare(`SELECT * FROM "${name}"`).all() as Record<string, unknown>[])
        : sql.all<Record<string, unknown>>(`SELECT * FROM "${name}"`);
    if (auditSeq !== undefined && name === 'audit_log') rows = rows.filter((r) => Number(r.seq) <= auditSeq);
    if (auditSeq !== undefined && name === 'settings') rows = rows.filter((r) => r.key !== 'audit.head');
    out[name] = `${rows.length}:${rowsHash(rows)}`;
  }
  return out;
}
