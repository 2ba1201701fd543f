import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PgConfig } from '../../db';
import { PgBridge } from '../../db/postgres/bridge';
import { ddl } from '../../db/postgres/schema/ddl';
import { DATABASE_OPTIONS, type PgCluster } from './pgCluster';

// A centre database made as README's operator guide (县中心数据库运维指南, step 2) has it: an
// owner role and a desks' role, the database owned by the first, closed to everyone else, the
// desks allowed to connect and make temporary tables; then, as the owner, schema.sql and
// desk-role.sql.

const SCHEMA_DIR = join(import.meta.dirname, '../../db/postgres/schema');

export interface GuideCentre {
  owner: PgConfig;
  desk: PgConfig;
  deskRole: string;
}

/** The superuser's part: the two roles and the database (`prefix` names them). */
export function guideDatabase(cluster: PgCluster, prefix: string): GuideCentre {
  const database = `${prefix}_${process.pid}`;
  const owner = `${prefix}_owner`;
  const desk = `${prefix}_desk`;
  cluster.superSql(`CREATE ROLE ${owner} LOGIN PASSWORD 'Owner-2026'`);
  cluster.superSql(`CREATE ROLE ${desk} LOGIN PASSWORD 'Desk-2026'`);
  cluster.superSql(`CREATE DATABASE ${database} OWNER ${owner} ${DATABASE_OPTIONS}`);
  cluster.superSql(`REVOKE ALL ON DATABASE ${database} FROM PUBLIC`);
  cluster.superSql(`GRANT CONNECT, TEMPORARY ON DATABASE ${database} TO ${desk}`);
  const as = (user: string, password: string): PgConfig => ({
    host: '127.0.0.1',
    port: cluster.port,
    database,
    user,
    password,
    tls: { mode: 'verify-full', ca: cluster.caPem },
  });
  return { owner: as(owner, 'Owner-2026'), desk: as(desk, 'Desk-2026'), deskRole: desk };
}

/** The owner's part: schema.sql and desk-role.sql (psql's `:"desk"` given the desks' role). */
export function ownerRunsScripts(centre: GuideCentre): void {
  const owner = PgBridge.open(centre.owner);
  try {
    owner.query('BEGIN');
    for (const statement of ddl) owner.query(statement);
    const grants = readFileSync(join(SCHEMA_DIR, 'desk-role.sql'), 'utf8')
      .replace(/^--.*$/gm, '')
      .replaceAll(':"desk"', centre.deskRole);
    for (const statement of grants.split(';').filter((s) => s.trim())) owner.query(statement);
    owner.query('COMMIT');
  } finally {
    owner.close();
  }
}
