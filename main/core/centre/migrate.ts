import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { handleOf, repositories, type PgConfig, type PgStore } from '../../../db';
import { openSqliteSource, type SqliteSource } from '../../../db/copy/sqliteSource';
import type { SkippedTable } from '../../../db/copy/tables';
import { StoreRefusedError, StoreUnavailableError } from '../../../db/postgres/errors';
import { centreCount, centreHolds, centreRows } from '../../../db/postgres/copy';
import { SCHEMA_VERSION } from '../../../db/postgres/schema/ddl';
import { openPgStore } from '../../../db/postgres/store';
import { queueAudit } from '../audit/queued';
import { verifyChain, headFingerprint } from '../audit/verify';
import { KeyFile, type KeyFileData } from '../auth/keyFile';
import { centreKeyHome, keyFileFromJson } from '../auth/keyHome';
import { AuthFailedError, ConflictError, DomainError, ForbiddenError } from '../errors';
import { dataPaths } from '../session/paths';
import { usernameKey } from '../users/names';
import { copyRows, type CopyProgress } from './copyRows';
import { compareKeys, compareTable, type TableCheck } from './verify';

// 迁移到县中心数据库 (issue 17): a centre that started on one PC's SQLite moves to the server.
// Everything the desk's file holds is copied into an empty centre database, in one transaction
// on the centre, and compared before that transaction commits: each table counted and hashed as
// both stores give it back, the key file against the centre's key tables, the audit chain walked
// on the centre. Anything different and nothing is committed. The desk's file is opened
// read-only and never changes; the same passwords and recovery code open the centre afterwards.
// The move itself is the centre's first entry of its own: who ran it and what compared equal,
// kept in the same transaction for the first sign-in at the centre to sign (as a restore's is).

/** The audit action of the move (its label: audit/log.ts extraActionLabels). */
export const MIGRATE_ACTION = 'centre:migrate';

export type { PgConfig };
/** How a fingerprint is checked when the desk connects: the command line checks it first. */
export { normaliseFingerprint } from '../../../db/postgres/config';

export interface MigrateOptions {
  /** The desk's data folder (desk.db and keys.json). */
  dataDir: string;
  /** An enabled administrator of the desk: their password unwraps the office data key. */
  username: string;
  password: string;
  /** The centre's empty database, as the role that owns its schema. */
  centre: PgConfig;
  onProgress?: (progress: MigrationProgress) => void;
}

export type MigrationProgress =
  | CopyProgress
  | { stage: 'keys'; users: number }
  | { stage: 'verify'; table: string; index: number; of: number }
  | { stage: 'commit' };

export interface MigrationReport {
  /** Every copied table and the key file, as compared; all equal, or the migration failed. */
  tables: TableCheck[];
  /** Cases whose scope rows and search row were made again on the centre. */
  cases: number;
  /** The audit chain as walked on the centre (as on the desk). */
  audit: { entries: number; intact: boolean; head: string; message: string };
  /** What was not copied, and why (made again, or the desk's own bookkeeping). */
  skipped: SkippedTable[];
}

/** A check that found the centre's copy different: nothing was committed. */
export class MigrationCheckError extends ConflictError {
  constructor(
    message: string,
    readonly report: MigrationReport,
  ) {
    super(message);
  }
}

/** The key file's line in the report. */
export const KEYS_LINE = 'keys.json';

export async function migrateToCentre(options: MigrateOptions): Promise<MigrationReport> {
  const paths = dataPaths(options.dataDir);
  if (!KeyFile.exists(options.dataDir) || !existsSync(paths.database))
    throw new ConflictError(
      `${options.dataDir} 中没有工作台的数据（desk.db 和 keys.json）：请确认 --data-dir 是本机工作台的数据目录`,
    );
  // Read once: what is copied and what the copy is compared with are the same text.
  const keyText = readFileSync(paths.keyFile, 'utf8');
  const keyFile = KeyFile.parse(keyText, options.dataDir);
  const deskKeys = keyFileFromJson(keyText, paths.keyFile);
  const key = usernameKey(options.username);
  const secrets = await keyFile.openForUser(key, options.password);
  if (!secrets) throw new AuthFailedError('管理员用户名或密码错误，没有迁移任何数据');
  secrets.signing?.forget();
  const dek = secrets.dek;
  let source: SqliteSource | null = null;
  let centre: PgStore | null = null;
  try {
    source = openDesk(paths.database, dek);
    const admin = await repositories(source.handle).users.findByUsernameKey(key);
    if (!admin || admin.disabled || !admin.roles.includes('admin'))
      throw new ForbiddenError('只有启用中的管理员账号可以把本机数据迁移到县中心数据库');
    centre = openPgStore({ config: migrationConfig(options.centre), dataKey: dek, create: true });
    const store = centre;
    const desk = source;
    const by = { userId: admin.id, displayName: admin.displayName, office: keyFile.office.name };
    return await store.transaction(() =>
      copyAndCheck(desk, store, { file: keyFile, data: deskKeys }, options, { key, dek, by }),
    );
  } finally {
    source?.close();
    await centre?.close();
    dek.fill(0);
  }
}

/** The desk's file, read-only, if it is the schema this code (and the centre's schema) is made for. */
function openDesk(file: string, dek: Buffer): SqliteSource {
  let source: SqliteSource;
  try {
    source = openSqliteSource(file, dek);
  } catch (error) {
    if ((error as { code?: string }).code === 'SQLITE_NOTADB')
      throw new ConflictError('desk.db 无法用 keys.json 中的密钥打开：两者不是同一套数据，请检查数据目录');
    throw error;
  }
  if (source.lastMigration !== SCHEMA_VERSION) {
    source.close();
    throw new ConflictError(
      source.lastMigration < SCHEMA_VERSION
        ? '本机数据库还是旧版本：请先用本版本的工作台在本机登录一次（数据库会自动升级），退出后再迁移'
        : '本机数据库已由较新版本的工作台升级：请使用同一版本的迁移命令',
    );
  }
  return source;
}

/** A migration is one long transaction: its statements may wait longer than a desk's would. */
function migrationConfig(config: PgConfig): PgConfig {
  return {
    ...config,
    statementTimeoutMs: config.statementTimeoutMs ?? 600_000,
    applicationName: config.applicationName ?? 'pingluo-mediation-desk-migrate',
  };
}

async function copyAndCheck(
  source: SqliteSource,
  centre: PgStore,
  keys: { file: KeyFile; data: KeyFileData },
  options: MigrateOptions,
  admin: { key: string; dek: Buffer; by: { userId: string; displayName: string; office: string } },
): Promise<MigrationReport> {
  const { key, dek } = admin;
  const { sql } = centre;
  const { plan } = source;
  const held = centreHolds(sql, plan.tables);
  if (held.length) {
    const named = held.length > 4 ? `${held.slice(0, 4).join('、')} 等 ${held.length} 张表` : held.join('、');
    throw new ConflictError(
      `县中心数据库已有数据（${named}）：迁移只能导入空的县中心数据库，不会与已有数据合并。请县中心管理员新建一个空数据库后重试`,
    );
  }
  // The keys first: from here this transaction holds the centre's one key row, so a desk setting
  // the centre up meanwhile waits for it and is then refused (or this migration is).
  const home = centreKeyHome(options.centre, () => ({ bridge: sql.bridge, inTransaction: true }));
  keys.file.copyTo(home);
  options.onProgress?.({ stage: 'keys', users: Object.keys(keys.data.users).length });

  const repos = repositories(handleOf(centre));
  const cases = await copyRows(source, sql, repos, options.onProgress);

  const checks = plan.tables.map((t, i) => {
    options.onProgress?.({ stage: 'verify', table: t.name, index: i + 1, of: plan.tables.length });
    return compareTable(
      t,
      { pages: source.rows(t), counted: source.count(t.name) },
      { pages: centreRows(sql, t), counted: centreCount(sql, t.name) },
    );
  });
  checks.push(compareKeys(keys.data, home.read(), KEYS_LINE));
  const reopened = await KeyFile.at(home)?.unwrapForUser(key, options.password);
  if (!reopened?.equals(dek)) checks.at(-1)!.equal = false;
  reopened?.fill(0);

  const deskChain = verifyChain(repositories(source.handle).audit.inOrder());
  const centreChain = verifyChain(repos.audit.inOrder());
  const report: MigrationReport = {
    tables: checks,
    cases,
    audit: {
      entries: centreChain.checked,
      intact: centreChain.intact,
      head: headFingerprint(centreChain.head.hash),
      message: centreChain.message,
    },
    skipped: plan.skipped,
  };
  const different = checks.find((c) => !c.equal);
  if (different) throw new MigrationCheckError(mismatch(different), report);
  // The chain must verify on the centre exactly as it does on the desk (a desk whose chain was
  // already broken keeps its finding; it is not the migration's to hide or to add).
  if (
    centreChain.intact !== deskChain.intact ||
    centreChain.checked !== deskChain.checked ||
    centreChain.head.hash !== deskChain.head.hash
  )
    throw new MigrationCheckError(
      `迁移校验未通过：审计日志在县中心数据库中的校验结果与本机不同（本机：${deskChain.message}；县中心：${centreChain.message}）。县中心数据库没有保存任何数据`,
      report,
    );
  await queueAudit(repos, {
    action: MIGRATE_ACTION,
    outcome: 'ok',
    actor: { userId: admin.by.userId, displayName: admin.by.displayName },
    detail: `${admin.by.displayName}用迁移命令把“${admin.by.office}”工作台（数据目录 ${resolve(options.dataDir)}）的数据迁移到县中心数据库：${checks.length - 1} 张数据表和用户密钥逐一核对一致（${cases} 个案件），审计日志 ${centreChain.checked} 条的校验结果与原工作台相同`,
    at: new Date().toISOString(),
  });
  options.onProgress?.({ stage: 'commit' });
  return report;
}

function mismatch(c: TableCheck): string {
  const what =
    c.rows !== c.centreRows
      ? `本机 ${c.rows} 行，县中心 ${c.centreRows} 行`
      : c.hash !== c.centreHash
        ? `行数相同（${c.rows} 行），内容校验值不同`
        : c.table === KEYS_LINE
          ? '管理员密码在县中心打不开复制的密钥'
          : '按主键逐页读取的行数与表的总行数不符';
  const name = c.table === KEYS_LINE ? '用户密钥（keys.json）' : `数据表 ${c.table}`;
  return `迁移校验未通过：${name}在县中心数据库中与本机不一致（${what}）。县中心数据库没有保存任何数据，本机数据未改动`;
}

/** Whether an error is one of the migration's own refusals, whose message is the whole story. */
export function isMigrationRefusal(error: unknown): error is Error {
  return (
    error instanceof DomainError ||
    error instanceof StoreRefusedError ||
    error instanceof StoreUnavailableError
  );
}
