import type { EntitySchema, ObjectLiteral } from 'typeorm';
import type { DbHandle } from '../dataSource';

// The catalogue, settings and user rows (the tables db/entities describes) read and written by
// plain statements on the call's connection, with the same objects TypeORM's entity manager
// gives: columns named by the entity, booleans as booleans, simple-json parsed. The statements
// are ordinary SQL both stores run (SQLite here, PostgreSQL at the county centre, issue 17), and
// on hot paths (every intake looks its committee up) they cost less than building TypeORM's
// query. TypeORM keeps the entities and the SQLite migrations.

interface Column {
  name: string;
  property: string;
  kind: 'boolean' | 'json' | 'plain';
  primary: boolean;
}

function columnsOf<T extends ObjectLiteral>(entity: EntitySchema<T>): { table: string; columns: Column[] } {
  const { tableName, columns } = entity.options;
  return {
    table: tableName!,
    columns: Object.entries(columns).map(([property, c]) => ({
      name: c!.name ?? property,
      property,
      kind: c!.type === 'boolean' ? 'boolean' : c!.type === 'simple-json' ? 'json' : 'plain',
      primary: Boolean(c!.primary),
    })),
  };
}

/** Equality conditions on properties (null: IS NULL), as TypeORM's findOneBy takes them. */
export type Where<T> = { [K in keyof T]?: T[K] | null };

export function entityRows<T extends ObjectLiteral>(db: DbHandle, entity: EntitySchema<T>) {
  const { table, columns } = columnsOf(entity);
  const byProperty = new Map(columns.map((c) => [c.property, c]));
  const select = `SELECT ${columns.map((c) => `"${c.name}" AS "${c.property}"`).join(', ')} FROM "${table}"`;
  const primary = columns.filter((c) => c.primary);

  const toRow = (raw: Record<string, unknown>): T => {
    for (const c of columns) {
      const value = raw[c.property];
      if (value === null || value === undefined) continue;
      if (c.kind === 'boolean') raw[c.property] = Boolean(value);
      else if (c.kind === 'json') raw[c.property] = JSON.parse(value as string);
    }
    return raw as T;
  };
  const toDb = (c: Column, value: unknown): unknown =>
    value === null || value === undefined
      ? null
      : c.kind === 'boolean'
        ? value
          ? 1
          : 0
        : c.kind === 'json'
          ? JSON.stringify(value)
          : value;
  const column = (property: string): Column => {
    const c = byProperty.get(property);
    if (!c) throw new Error(`${table} has no column for ${property}`);
    return c;
  };
  const condition = (where: Where<T>): { sql: string; params: unknown[] } => {
    const parts: string[] = [];
    const params: unknown[] = [];
    for (const [property, value] of Object.entries(where)) {
      const c = column(property);
      if (value === null) parts.push(`"${c.name}" IS NULL`);
      else {
        parts.push(`"${c.name}" = ?`);
        params.push(toDb(c, value));
      }
    }
    return { sql: parts.length ? ` WHERE ${parts.join(' AND ')}` : '', params };
  };
  /** The properties of `row` that are set (undefined ones take the column's default). */
  const present = (row: Partial<T>) =>
    Object.keys(row)
      .filter((p) => row[p] !== undefined)
      .map(column);

  return {
    /** The first row meeting `where` (SQL on the table's columns, values bound), or null. */
    one(where: string, ...params: unknown[]): T | null {
      const raw = db.sql.get<Record<string, unknown>>(`${select} WHERE ${where}`, ...params);
      return raw ? toRow(raw) : null;
    },

    /** The row meeting these equalities, or null. */
    findOne(where: Where<T>): T | null {
      const c = condition(where);
      const raw = db.sql.get<Record<string, unknown>>(`${select}${c.sql} LIMIT 1`, ...c.params);
      return raw ? toRow(raw) : null;
    },

    /** The rows meeting these equalities, in this order (properties, ascending). */
    find(where: Where<T>, orderBy: (keyof T & string)[] = []): T[] {
      const c = condition(where);
      const order = orderBy.length
        ? ` ORDER BY ${orderBy.map((p) => `"${column(p).name}" ASC`).join(', ')}`
        : '';
      return db.sql.all<Record<string, unknown>>(`${select}${c.sql}${order}`, ...c.params).map(toRow);
    },

    insert(row: Partial<T>): void {
      const set = present(row);
      db.sql.run(
        `INSERT INTO "${table}" (${set.map((c) => `"${c.name}"`).join(', ')}) VALUES (${set.map(() => '?').join(', ')})`,
        ...set.map((c) => toDb(c, row[c.property])),
      );
    },

    /** Inserts, or replaces the row with the same primary key (TypeORM's save). */
    save(row: T): void {
      const set = present(row);
      const changed = set.filter((c) => !c.primary);
      db.sql.run(
        `INSERT INTO "${table}" (${set.map((c) => `"${c.name}"`).join(', ')}) VALUES (${set.map(() => '?').join(', ')})
         ON CONFLICT (${primary.map((c) => `"${c.name}"`).join(', ')}) DO UPDATE SET ${changed.map((c) => `"${c.name}" = excluded."${c.name}"`).join(', ')}`,
        ...set.map((c) => toDb(c, row[c.property])),
      );
    },

    /** Sets `changes` on the rows meeting `where`; how many changed. */
    update(where: Where<T>, changes: Partial<T>): number {
      const set = present(changes);
      const c = condition(where);
      return db.sql.run(
        `UPDATE "${table}" SET ${set.map((s) => `"${s.name}" = ?`).join(', ')}${c.sql}`,
        ...set.map((s) => toDb(s, changes[s.property])),
        ...c.params,
      ).changes;
    },

    remove(where: Where<T>): number {
      const c = condition(where);
      return db.sql.run(`DELETE FROM "${table}"${c.sql}`, ...c.params).changes;
    },
  };
}
