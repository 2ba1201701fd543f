// Writes the provincial package's published schema (JSON Schema per info-set, code tables, the
// Chinese field dictionary) from the zod schemas in main/contract/province. Run after changing
// them: `npm run province:schema`. tests/node/reporting/published.test.ts fails until you do.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { publishedFiles } from '../main/core/reporting/published';

const root = join(import.meta.dirname, '..');
const seed = JSON.parse(readFileSync(join(root, 'resources/seed/pingluo-villages.json'), 'utf8')) as {
  villages: { code: string; name: string; township: string }[];
};
for (const [path, content] of Object.entries(publishedFiles(seed.villages))) {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), content);
  console.log(`wrote ${path}`);
}
