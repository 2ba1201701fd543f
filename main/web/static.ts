import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';

// What browser mode adds to serving the renderer (main/static serves the files themselves):
// its window.api, loaded before the app's own module script.

/** index.html with the browser-mode window.api loaded before the app's own module script. */
export async function indexHtml(root: string): Promise<string> {
  const html = await readFile(resolve(root, 'index.html'), 'utf8');
  return html.replace('<head>', '<head>\n    <script src="./web-api.js"></script>');
}
