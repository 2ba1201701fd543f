import { StoreStatementError } from './postgres/errors';

/**
 * Whether a statement was refused by one of the store's constraints — a foreign key, a unique
 * key, a CHECK, NOT NULL, or a trigger's refusal — in either store: SQLite's SQLITE_CONSTRAINT_*
 * codes, PostgreSQL's SQLSTATE class 23 (the triggers' twins raise 23000, db/postgres/schema/triggers.ts).
 */
export function isConstraintViolation(error: unknown): boolean {
  if (error instanceof StoreStatementError) return error.code.startsWith('23');
  const code = (error as { code?: unknown } | null)?.code;
  return /constraint/i.test(typeof code === 'string' ? code : String(error));
}
