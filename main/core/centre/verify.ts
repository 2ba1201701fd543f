import type { CopiedTable, Row } from '../../../db/copy/tables';
import type { KeyFileData } from '../auth/keyFile';
import { TableHash } from './rowHash';
import { createHash } from 'node:crypto';

// What the migration compares once everything is copied, before it commits (issue 17): each
// table's rows as the desk's file holds them and as the centre gives them back (sealed values
// opened), counted and hashed in key order, and the key file as the centre's key tables hold it.

export interface TableCheck {
  table: string;
  /** On the desk. */
  rows: number;
  hash: string;
  /** On the centre, read back in the migration's transaction. */
  centreRows: number;
  centreHash: string;
  equal: boolean;
}

function fingerprint(t: CopiedTable, pages: Iterable<Row[]>): { rows: number; hash: string } {
  const hash = new TableHash();
  for (const page of pages) for (const row of page) hash.add(t.columns.map((c) => row[c]));
  return { rows: hash.rows, hash: hash.digest() };
}

/** A store's rows of a table: walked in key order, and counted by count(*). */
export interface TableRows {
  pages: Iterable<Row[]>;
  counted: number;
}

export function compareTable(t: CopiedTable, desk: TableRows, centre: TableRows): TableCheck {
  const here = fingerprint(t, desk.pages);
  const there = fingerprint(t, centre.pages);
  return {
    table: t.name,
    rows: here.rows,
    hash: here.hash,
    centreRows: there.rows,
    centreHash: there.hash,
    // The walk must have met every row on each side: a row it skipped would be missing from both.
    equal:
      here.rows === there.rows &&
      here.hash === there.hash &&
      here.rows === desk.counted &&
      there.rows === centre.counted,
  };
}

/** JSON with every object's keys in order: the same data gives the same text wherever it was kept. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** The key file against what the centre's key tables give back; its "rows" are the users' wraps. */
export function compareKeys(desk: KeyFileData, centre: KeyFileData | null, name: string): TableCheck {
  const hash = sha256(canonical(desk));
  const centreHash = centre ? sha256(canonical(centre)) : '';
  const rows = Object.keys(desk.users).length;
  const centreRows = centre ? Object.keys(centre.users).length : 0;
  return {
    table: name,
    rows,
    hash,
    centreRows,
    centreHash,
    equal: hash === centreHash && rows === centreRows,
  };
}
