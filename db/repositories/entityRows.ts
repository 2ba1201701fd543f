import type { EntitySchema, ObjectLiteral } from 'typeorm';
import type { DbHandle } from '../dataSource';

/**
 * An entity's rows read by a prepared statement instead of TypeORM's query builder: the same
 * objects (columns from the entity's metadata, booleans as booleans), for look-ups on hot paths
 * such as every intake, where building the query cost more than running it. Tests hold both
 * readers to the same answer.
 */
export function entityReader<T extends ObjectLiteral>(db: DbHandle, entity: EntitySchema<T>) {
  const meta = db.em.connection.getMetadata(entity);
  const columns = meta.columns.map((c) => ({
    name: c.databaseName,
    property: c.propertyName,
    boolean: c.type === 'boolean' || c.type === Boolean,
  }));
  const booleans = columns.filter((c) => c.boolean).map((c) => c.property);
  const select = `SELECT ${columns.map((c) => `"${c.name}" AS "${c.property}"`).join(', ')} FROM "${meta.tableName}"`;
  const toRow = (raw: Record<string, unknown>): T => {
    for (const b of booleans) if (raw[b] !== null && raw[b] !== undefined) raw[b] = Boolean(raw[b]);
    return raw as T;
  };
  return {
    /** The first row meeting `where` (SQL on the table's columns, values bound), or null. */
    one(where: string, ...params: unknown[]): T | null {
      const raw = db.sql.get<Record<string, unknown>>(`${select} WHERE ${where}`, ...params);
      return raw ? toRow(raw) : null;
    },
  };
}
