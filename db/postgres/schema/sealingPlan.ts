import type { SealingPlanSource, TokenColumn } from '../sealing';
import { columnClasses, sealedColumns, tokenColumn, tokenized, type Table } from './columns';

// What ../sealing.ts seals on the way to the server, from the same classification the schema is
// generated from (./columns.ts): the writes seal exactly the columns whose CHECK refuses
// plaintext, and write exactly the tokens the schema has. Each token is of its own column's
// whole value (id_suffix_key of id_suffix, which for an organisation holds the last four of its
// credit code, not of an ID number).

const tables = Object.keys(columnClasses) as Table[];

export const sealingPlanSource: SealingPlanSource = {
  sealed: new Map(
    tables.filter((t) => sealedColumns(t).length > 0).map((t) => [t, new Set(sealedColumns(t))] as const),
  ),
  tokens: new Map(
    tables
      .filter((t) => tokenized(t).length > 0)
      .map(
        (t) => [t, tokenized(t).map((from): TokenColumn => ({ from, column: tokenColumn(from) }))] as const,
      ),
  ),
};
