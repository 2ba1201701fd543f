// Generic row mapping for tables whose columns are the snake_case of the row's camelCase keys:
// one list of keys gives the INSERT, the whole-row UPDATE and the SELECT column list. Booleans are
// stored as 0/1 and read back as booleans.

export function snake(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

function toDb(value: unknown): unknown {
  return typeof value === 'boolean' ? (value ? 1 : 0) : value;
}

export const syncKeys = ['id', 'originOfficeId', 'version', 'createdAt', 'updatedAt', 'deletedAt'];

export function columnsOf(keys: readonly string[]): string {
  return keys.map((k) => `${snake(k)} AS ${k}`).join(', ');
}

export function insertSql(table: string, keys: readonly string[]): string {
  return `INSERT INTO ${table} (${keys.map(snake).join(', ')}) VALUES (${keys.map(() => '?').join(', ')})`;
}

export function valuesOf(keys: readonly string[], row: object): unknown[] {
  const record = row as Record<string, unknown>;
  return keys.map((k) => toDb(record[k] ?? null));
}

/** Every non-key column of a whole-row update (id, creation and origin never change). */
export function settableKeys(keys: readonly string[]): string[] {
  return keys.filter((k) => k !== 'id' && k !== 'createdAt' && k !== 'originOfficeId');
}

export function readBooleans<T>(row: T | undefined, booleans: ReadonlySet<string>): T | undefined {
  if (!row) return row;
  const out = { ...row } as Record<string, unknown>;
  for (const key of Object.keys(out)) if (booleans.has(key)) out[key] = Boolean(out[key]);
  return out as T;
}
