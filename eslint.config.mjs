import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Layer rules (design.md): which room may import which. Machine-checked here, not by habit.
const electron = { name: 'electron', message: "Only main/app and preload may import 'electron'." };
const ui = ['react', 'react-dom', 'antd', '@ant-design/*', '@reduxjs/*', 'react-redux', 'react-router'];
const uiRule = { group: ui, message: 'UI libraries belong in renderer/.' };
const storage = {
  group: ['typeorm', 'better-sqlite3*', '**/db', '**/db/**'],
  message: 'Only main/core, main/ipc and db reach storage.',
};
const higher = (rooms, why) => ({ group: rooms.flatMap((r) => [`**/${r}`, `**/${r}/**`]), message: why });

const restrict = (paths, patterns) => ['error', { paths, patterns }];

export default tseslint.config(
  {
    ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.bench/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['*.mjs', 'scripts/*.mjs', '.ci/*.mjs'] },
        tsconfigRootDir: import.meta.dirname,
      },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/only-throw-error': 'off',
      'no-control-regex': 'off',
      eqeqeq: ['error', 'smart'],
      // Node 20: a key-generation job collected while its key is exported deadlocks its thread
      // (main/core/installationKeys/keys.ts, InstallationKeys.generate). Keys come from random seeds.
      'no-restricted-syntax': [
        'error',
        {
          selector: 'ImportSpecifier[imported.name=/^generateKeyPair(Sync)?$/]',
          message:
            'generateKeyPair 在 Node 20 上会因垃圾回收而死锁：请用 32 字节随机种子生成 Ed25519/X25519 密钥',
        },
      ],
    },
  },
  {
    files: ['**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['main/contract/**'],
    rules: {
      'no-restricted-imports': restrict(
        [electron],
        [
          { group: ['node:*', 'fs', 'path', 'crypto'], message: 'The contract is pure: zod only.' },
          uiRule,
          storage,
          higher(
            ['core', 'ipc', 'web', 'app', 'renderer', 'preload'],
            'The contract depends on nothing but zod.',
          ),
        ],
      ),
    },
  },
  {
    files: ['main/core/**', 'db/**'],
    rules: {
      'no-restricted-imports': restrict(
        [electron],
        [
          uiRule,
          higher(['ipc', 'web', 'main/app', 'renderer', 'preload'], 'core and db sit below the transports.'),
        ],
      ),
    },
  },
  {
    files: ['main/ipc/**'],
    rules: {
      'no-restricted-imports': restrict(
        [electron],
        [uiRule, higher(['web', 'main/app', 'renderer', 'preload'], 'ipc is transport-free.')],
      ),
    },
  },
  {
    files: ['main/web/**'],
    rules: {
      'no-restricted-imports': restrict(
        [electron],
        [uiRule, higher(['main/app', 'renderer', 'preload'], 'web is a transport beside app, not on it.')],
      ),
    },
  },
  {
    // Command-line tools (the centre migration): on the services, beside the transports.
    files: ['main/cli/**'],
    rules: {
      'no-restricted-imports': restrict(
        [electron],
        [
          uiRule,
          storage,
          higher(['ipc', 'web', 'main/app', 'renderer', 'preload'], 'a command calls the services directly.'),
        ],
      ),
    },
  },
  {
    // Serving the renderer's files: shared by both transports (app:// and the loopback server).
    files: ['main/static/**'],
    rules: {
      'no-restricted-imports': restrict(
        [electron],
        [
          uiRule,
          storage,
          higher(
            ['core', 'ipc', 'web', 'main/app', 'renderer', 'preload'],
            'static serving sits below both transports.',
          ),
        ],
      ),
    },
  },
  {
    files: ['preload/**'],
    rules: {
      'no-restricted-imports': restrict(
        [],
        [
          {
            group: ['**/main/*', '**/main/**', '!**/main/contract', '!**/main/contract/**'],
            message: 'preload sees only the contract.',
          },
          uiRule,
          storage,
        ],
      ),
    },
  },
  {
    files: ['renderer/**'],
    languageOptions: {
      globals: { ...globals.browser },
      // The renderer has its own tsconfig (DOM, JSX).
      parserOptions: {
        projectService: false,
        project: './tsconfig.web.json',
        tsconfigRootDir: import.meta.dirname,
      },
    },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': restrict(
        [electron],
        [
          {
            group: ['**/main/*', '**/main/**', '!**/main/contract', '!**/main/contract/**'],
            message: 'renderer imports nothing from main but the contract.',
          },
          {
            group: ['node:*', 'typeorm', 'better-sqlite3*', '**/db', '**/db/**'],
            message: 'renderer runs in the browser sandbox.',
          },
        ],
      ),
    },
  },
  {
    files: ['tests/**', 'scripts/**', '*.config.*', '*.mts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
);
