import type { EntitySchemaColumnOptions } from 'typeorm';

// Columns every record carries that later moves between offices (township ⇄ county packages):
// a UUID made where it was created, that office's id, a version bumped on each change, and a
// soft delete, so merging a package twice changes nothing.

export interface Syncable {
  id: string;
  originOfficeId: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
}

export const syncableColumns: Record<keyof Syncable, EntitySchemaColumnOptions> = {
  id: { type: 'text', primary: true },
  originOfficeId: { name: 'origin_office_id', type: 'text' },
  version: { type: 'integer', default: 1 },
  createdAt: { name: 'created_at', type: 'text' },
  updatedAt: { name: 'updated_at', type: 'text' },
  deletedAt: { name: 'deleted_at', type: 'text', nullable: true },
};

/** The same columns as SQL, for migrations. */
export const syncableSql = `
  id TEXT PRIMARY KEY NOT NULL,
  origin_office_id TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT`;
