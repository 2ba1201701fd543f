import { PgBridge } from './bridge';
import type { PgConfig } from './config';
import { StoreRefusedError, StoreStatementError } from './errors';
import { ddl, SCHEMA_VERSION } from './schema/ddl';
import { sealingPlanSource } from './schema/sealingPlan';
import { sealingKeys } from './sealed';
import { Sealing } from './sealing';
import { PgSql } from './sql';

// The county centre's database as a desk holds it open (issue 17): one connection (the desk's
// calls are one at a time under its mutex; the desks' concurrency is between processes, in the
// server), personal data sealed with the office data key on the desk, and the call's
// transaction run on that connection.

export interface PgStore {
  readonly dialect: 'postgres';
  readonly sql: PgSql;
  /** Runs `fn` in one transaction: all of it commits, or none. */
  transaction<T>(fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface OpenPgStoreOptions {
  config: PgConfig;
  /** The office data key (never leaves the desk; seals and tokens derive from it). */
  dataKey: Buffer;
  /** An empty database gets the schema (the first desk, as the schema's owner role). */
  create: boolean;
}

export function openPgStore(options: OpenPgStoreOptions): PgStore {
  const bridge = PgBridge.open(options.config);
  try {
    const keys = sealingKeys(options.dataKey);
    const sql = new PgSql(bridge, keys, new Sealing(sealingPlanSource, keys));
    prepareSchema(sql, options.create);
    return {
      dialect: 'postgres',
      sql,
      async transaction<T>(fn: () => Promise<T>): Promise<T> {
        sql.begin();
        let result: T;
        try {
          result = await fn();
        } catch (error) {
          sql.end(false);
          throw error;
        }
        sql.end(true);
        return result;
      },
      close: () => {
        bridge.close();
        return Promise.resolve();
      },
    };
  } catch (error) {
    bridge.close();
    throw error;
  }
}

/** The schema this code was built for: made in an empty database, or checked in a used one. */
function prepareSchema(sql: PgSql, create: boolean): void {
  // Text must compare byte for byte, as on the desks' SQLite: lists, ranges and the statements'
  // parameters against the columns all depend on it.
  const collation = sql.get<{ c: string }>(
    `SELECT datcollate AS c FROM pg_database WHERE datname = current_database()`,
  )?.c;
  if (collation !== 'C' && collation !== 'POSIX') {
    throw new StoreRefusedError(
      `县中心数据库的排序规则是 ${collation ?? '未知'}，工作台需要 C：请县中心管理员按 README 重新创建数据库（LC_COLLATE 'C'）`,
    );
  }
  const present = sql.get<{ y: number }>(`SELECT to_regclass('schema_version') IS NOT NULL AS y`)?.y === 1;
  if (!present) {
    if (!create)
      throw new StoreRefusedError('县中心数据库是空的：请在第一台工作台上用“连接县中心数据库”完成初始化');
    try {
      sql.transaction(() => {
        for (const statement of ddl) sql.bridge.query(statement);
      });
    } catch (error) {
      // 42501: the role the desks connect as may not create tables (as README's guide sets it up).
      if (error instanceof StoreStatementError && error.code === '42501') {
        throw new StoreRefusedError(
          '县中心数据库还没有建立数据表，而本机连接所用的数据库账号无权建表：请县中心管理员先以数据库所有者账号执行 schema.sql 和 desk-role.sql（见 README 的县中心数据库运维指南）',
        );
      }
      throw error;
    }
    return;
  }
  const version = sql.get<{ version: number }>(`SELECT version FROM schema_version`)?.version;
  if (version !== SCHEMA_VERSION) {
    throw new StoreRefusedError(
      version !== undefined && version > SCHEMA_VERSION
        ? `县中心数据库已由较新版本的工作台升级（数据库版本 ${version}，本机 ${SCHEMA_VERSION}），请先升级本机的工作台`
        : `县中心数据库的版本（${version ?? '未知'}）与本机工作台（${SCHEMA_VERSION}）不一致，请联系县中心管理员升级数据库`,
    );
  }
}
