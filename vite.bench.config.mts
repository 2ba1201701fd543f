import { defineConfig } from 'vite';
import { builtinModules } from 'node:module';

// `npm run bench` measures the desk as it ships: its sections run from a bundle built like
// out/main (vite.main.config.mts: node_modules external, no source maps loaded at run time), not
// through tsx, whose in-memory sources, source maps and module URLs are tens of MB of heap the
// desk never holds. Each section that runs in a process of its own is an entry here, and so is
// the dossier typesetter's worker, which looks for its bundle beside the code that starts it.
export default defineConfig({
  build: {
    ssr: true,
    outDir: 'out/bench',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    sourcemap: false,
    rolldownOptions: {
      input: {
        index: 'scripts/bench/index.ts',
        documents: 'scripts/bench/documents.ts',
        dossiers: 'scripts/bench/dossiers.ts',
        province: 'scripts/bench/province.ts',
        exchange: 'scripts/bench/exchange.ts',
        startup: 'scripts/bench/startup.ts',
        centre: 'scripts/bench/centre.ts',
        centreDesk: 'scripts/bench/centreDesk.ts',
        dossierTypesetter: 'main/core/dossier/typesetter/worker.ts',
      },
      output: { format: 'cjs', entryFileNames: '[name].cjs', chunkFileNames: 'chunks/[name]-[hash].cjs' },
      external: ['electron', ...builtinModules, ...builtinModules.map((m) => `node:${m}`)],
    },
  },
});
