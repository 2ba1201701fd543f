/**
 * TypeORM orders migrations by the last 13 digits of their name (it expects a timestamp).
 * We number them instead: 0001, 0002, … so the order is the file order a reader sees.
 */
export function migrationName(title: string, number: number): string {
  return `${title}${String(number).padStart(13, '0')}`;
}
