import { configDefaults, defineConfig } from 'vitest/config';

// Two workers match the 2-core machines (vitest's default leaves one core idle). The core suites
// share each worker's module cache (isolate: false: importing the app once per worker instead of
// once per file saves about two minutes of CPU); the Electron glue's suites mock `electron`
// per file, so they keep a fresh module graph each.
const app = 'tests/node/app/**/*.test.ts';

export default defineConfig({
  test: {
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    maxWorkers: 2,
    // A worker whose event loop is blocked would hang the run silently: see tests/support/hangWatch.mts.
    reporters: ['default', './tests/support/hangWatch.mts'],
    // DESK_TEST_STORE=postgres: the services on the county centre's PostgreSQL (see the file).
    globalSetup: ['./tests/support/postgresStore.ts'],
    projects: [
      { extends: true, test: { name: 'electron-glue', include: [app], isolate: true } },
      {
        extends: true,
        test: {
          name: 'core',
          include: ['tests/node/**/*.test.ts'],
          exclude: [...configDefaults.exclude, app],
          isolate: false,
          // Per file, though the worker's modules are shared: apps closed after every test. (The
          // Electron glue's few files with apps register it themselves: a setup file importing
          // the app would load it before their mocks.)
          setupFiles: ['./tests/support/perFile.ts'],
        },
      },
    ],
  },
});
