import { existsSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';

// The bench's sections that run in processes of their own are files beside the one Node was
// started with: out/bench/*.cjs from the bundle (`npm run bench`), scripts/bench/*.ts through tsx.

/** The file of the section `name` (index, dossiers, province, exchange) beside the running one. */
export function sectionFile(name: string): string {
  const running = process.argv[1]!;
  return join(dirname(running), name + extname(running));
}

/** Whether Node was started with this section's file (not imported by another). */
export function startedAs(name: string): boolean {
  const running = process.argv[1];
  return running !== undefined && basename(running, extname(running)) === name;
}

/** The checkout's root: the nearest folder above the running file with a package.json. */
export function checkoutRoot(): string {
  let dir = dirname(process.argv[1]!);
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}
