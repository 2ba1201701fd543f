import type { Statements } from '../sql';

/**
 * One object per open database, made on first use and gone with the connection (the drill-down's
 * kept sets and figures live exactly as long as the connection whose data they describe).
 */
export function perConnection<T extends object>(create: (sql: Statements) => T): (sql: Statements) => T {
  const made = new WeakMap<Statements, T>();
  return (sql) => {
    let found = made.get(sql);
    if (!found) {
      found = create(sql);
      made.set(sql, found);
    }
    return found;
  };
}
