// What a smaller database could weigh (issue 18's 2.5 KB per case), measured on a copy of a bench
// database rather than guessed:
//   1. every table and index rebuilt with the same rows, but each UUID as 16 bytes instead of
//      36 characters, each SHA-256 (the audit chain's) as 32 bytes instead of 64 hex digits and
//      each ISO timestamp as integer milliseconds (the "key redesign" at its most generous);
//   2. the full-text index rebuilt with the same words in FTS5's smaller layouts: without the
//      3/4-character prefix indexes, without positions (detail=column: no phrase queries, which
//      the search uses for Han bigrams), without columns (detail=none: no scope column either).
// Nothing of the app changes; the copy is removed afterwards.
//   node out/bench/index.cjs --build-into DIR --cases 100000 --seed s13
//   npx tsx scripts/bench/compactEstimate.ts DIR
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { createApp } from '../../main/ipc';
import { ADMIN, client } from './build';

const CHEAP_COST = { N: 2 ** 10, r: 8, p: 1 };
const HEX8 = '[0-9a-f]'.repeat(8);
const COPY = 'x_';

/** A column's value as the redesign would store it: UUIDs and hashes as bytes, ISO times as integers. */
function compactColumn(column: string): string {
  const c = `"${column}"`;
  return `CASE
    WHEN typeof(${c}) = 'text' AND length(${c}) = 36 AND ${c} GLOB '${HEX8}-*' THEN unhex(replace(${c}, '-', ''))
    WHEN typeof(${c}) = 'text' AND length(${c}) = 64 AND ${c} NOT GLOB '*[^0-9a-f]*' THEN unhex(${c})
    WHEN typeof(${c}) = 'text' AND length(${c}) = 24 AND ${c} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*Z'
      THEN CAST(round((julianday(${c}) - 2440587.5) * 86400000) AS INTEGER)
    ELSE ${c} END`;
}

/** Copies every ordinary table (not the full-text index) and its indexes under the COPY prefix, compacted. */
function copyCompacted(raw: Database): void {
  const tables = raw
    .prepare(
      `SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
          AND name NOT LIKE 'case_search%' AND sql NOT LIKE 'CREATE VIRTUAL%'`,
    )
    .all() as { name: string; sql: string }[];
  for (const t of tables) {
    const columns = (raw.prepare(`PRAGMA table_info("${t.name}")`).all() as { name: string }[]).map(
      (c) => c.name,
    );
    // The same declaration (types, primary key, unique constraints), without foreign keys.
    const ddl = t.sql
      .replace(/^CREATE TABLE\s+"?\w+"?/i, `CREATE TABLE "${COPY}${t.name}"`)
      .replace(/REFERENCES\s+"?\w+"?\s*\([^)]*\)/gi, '');
    raw.exec(ddl);
    raw.exec(
      `INSERT INTO "${COPY}${t.name}" SELECT ${columns.map((c) => `${compactColumn(c)} AS "${c}"`).join(', ')} FROM "${t.name}"`,
    );
  }
  const indexes = raw
    .prepare(
      `SELECT sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL AND tbl_name NOT LIKE 'case_search%'`,
    )
    .all() as { sql: string }[];
  for (const { sql } of indexes) {
    raw.exec(
      sql.replace(
        /^CREATE (UNIQUE )?INDEX\s+"?(\w+)"?\s+ON\s+"?(\w+)"?/i,
        (_m, unique: string | undefined, name: string, table: string) =>
          `CREATE ${unique ?? ''}INDEX "${COPY}${name}" ON "${COPY}${table}"`,
      ),
    );
  }
}

function bytesByName(raw: Database): Map<string, number> {
  const rows = raw.prepare(`SELECT name, sum(pgsize) AS bytes FROM dbstat GROUP BY name`).all() as {
    name: string;
    bytes: number;
  }[];
  return new Map(rows.map((r) => [r.name, r.bytes]));
}

/** The same words and scope tokens in FTS5's other layouts (read back from the index itself). */
function ftsLayouts(raw: Database, cases: number): { layout: string; bytesPerCase: number }[] {
  raw.exec(`CREATE VIRTUAL TABLE temp.words USING fts5vocab(main, case_search, instance)`);
  raw.exec(`CREATE TABLE ${COPY}docs AS
    SELECT doc, group_concat(CASE WHEN col = 'terms' THEN term END, ' ') AS terms,
           group_concat(CASE WHEN col = 'scope' THEN term END, ' ') AS scope
      FROM (SELECT doc, col, term FROM temp.words ORDER BY doc, col, offset) GROUP BY doc`);
  const layouts: [string, string][] = [
    ['as the app makes it', `detail=full, prefix='3 4'`],
    ['without prefix indexes', `detail=full`],
    ['without positions', `detail=column`],
    ['without positions or columns', `detail=none`],
  ];
  return layouts.map(([layout, options], i) => {
    const name = `${COPY}fts${i}`;
    raw.exec(`CREATE VIRTUAL TABLE ${name} USING fts5(terms, scope, content='', contentless_delete=1,
      tokenize='unicode61 remove_diacritics 0', ${options})`);
    raw.exec(
      `INSERT INTO ${name}(rowid, terms, scope) SELECT doc, terms, scope FROM ${COPY}docs ORDER BY doc`,
    );
    raw.exec(`INSERT INTO ${name}(${name}) VALUES ('optimize')`);
    const { bytes } = raw
      .prepare(`SELECT sum(pgsize) AS bytes FROM dbstat WHERE name LIKE '${name}%'`)
      .get() as {
      bytes: number;
    };
    return { layout: `${layout} (${options})`, bytesPerCase: Math.round(bytes / cases) };
  });
}

async function main(): Promise<void> {
  const source = process.argv[2];
  if (!source) throw new Error('usage: compactEstimate.ts DIR (a database from index.cjs --build-into DIR)');
  const root = mkdtempSync(join(tmpdir(), 'compact-estimate-'));
  try {
    cpSync(source, root, { recursive: true });
    const app = createApp({ dataDir: join(root, 'data'), kdfCost: CHEAP_COST });
    await client(app)('auth:signIn', { username: ADMIN.username, password: ADMIN.password });
    const raw = (
      app.session as unknown as { requireUnlocked(): { store: { sql: { raw: Database } } } }
    ).requireUnlocked().store.sql.raw;
    const { n: cases } = raw.prepare(`SELECT count(*) AS n FROM cases`).get() as { n: number };

    copyCompacted(raw);
    const all = bytesByName(raw);
    const copied = (name: string) => name.startsWith(COPY) || name.startsWith(`sqlite_autoindex_${COPY}`);
    const original = (name: string) =>
      name.replace(`sqlite_autoindex_${COPY}`, 'sqlite_autoindex_').replace(/^x_/, '');
    const compact = new Map(
      [...all].filter(([name]) => copied(name)).map(([name, b]) => [original(name), b]),
    );
    const perCase = (b: number) => Math.round(b / cases);
    let before = 0;
    let after = 0;
    console.log(
      `where the bytes go, ${cases.toLocaleString('en')} cases: as stored → UUIDs and hashes as bytes, times as integers`,
    );
    for (const [name, bytes] of [...all].filter(([n]) => !copied(n)).sort((a, b) => b[1] - a[1])) {
      const redesigned = compact.get(name) ?? bytes; // the full-text index and sqlite_schema: as stored
      before += bytes;
      after += redesigned;
      if (bytes / cases >= 10)
        console.log(
          `  ${name.padEnd(36)} ${String(perCase(bytes)).padStart(5)} → ${String(perCase(redesigned)).padStart(5)} B/case`,
        );
    }
    console.log(`  total                                ${perCase(before)} → ${perCase(after)} B/case`);
    console.log('the full-text index (case_search) laid out otherwise, the same words:');
    for (const f of ftsLayouts(raw, cases)) console.log(`  ${f.layout.padEnd(62)} ${f.bytesPerCase} B/case`);
    await app.close();
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

void main();
