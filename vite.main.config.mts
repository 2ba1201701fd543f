import { defineConfig } from 'vite';
import { builtinModules } from 'node:module';

// Node-side bundles. DESK_BUNDLE=preload builds the sandboxed preload, which cannot require
// anything but 'electron', so it bundles zod and the contract; everything else keeps
// node_modules external (native modules, typeorm) and is packed by electron-builder.
const preload = process.env.DESK_BUNDLE === 'preload';

export default defineConfig({
  build: {
    ssr: true,
    outDir: preload ? 'out/preload' : 'out/main',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    sourcemap: true,
    rolldownOptions: {
      // dossierTypesetter: the dossier PDF worker thread's own entry (main/core/dossier/typesetter),
      // a real file beside app.cjs that new Worker() loads, from app.asar when packaged.
      // centreMigrate: the command that moves a desk's file to the county centre's PostgreSQL
      // (npm run centre:migrate), runnable where the app is installed, without tsx.
      input: preload
        ? { preload: 'preload/index.ts' }
        : {
            app: 'main/app/main.ts',
            web: 'main/web/cli.ts',
            dossierTypesetter: 'main/core/dossier/typesetter/worker.ts',
            centreMigrate: 'main/cli/centreMigrate.ts',
          },
      output: { format: 'cjs', entryFileNames: '[name].cjs', chunkFileNames: 'chunks/[name]-[hash].cjs' },
      external: preload
        ? ['electron']
        : ['electron', ...builtinModules, ...builtinModules.map((m) => `node:${m}`)],
    },
  },
  ssr: preload ? { noExternal: true } : {},
});
