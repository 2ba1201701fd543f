// Offline check of electron-builder.yml, for the build/CI machines (no network, no Electron):
//
//   node scripts/check-builder-config.mjs [config.yml]         schema + what this app must ship
//   node scripts/check-builder-config.mjs --pack [config.yml]  also packs out/ for linux-x64
//       (--dir) against a stub Electron and inspects the result; needs `npm run build` first
//
// The schema is electron-builder's own, so an unknown or misplaced key fails here rather than
// on the packaging machine. Prints one line on success, exits 1 otherwise.
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const projectDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(projectDir, 'package.json'));
const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config');
const { DebugLogger, log } = require('builder-util');
const { version: builderVersion } = require('app-builder-lib/package.json');

const args = process.argv.slice(2);
const pack = args.includes('--pack');
const configFile = resolve(
  args.find((arg) => !arg.startsWith('--')) ?? join(projectDir, 'electron-builder.yml'),
);

// getConfig announces "loaded configuration" on stdout; keep the output to one line.
log.info = () => undefined;

/** Thrown to stop with a report; `finally` blocks still clean up before the exit. */
class Failure extends Error {}

function fail(heading, problems) {
  throw new Failure(`${configFile} ${heading}:\n  - ${problems.join('\n  - ')}`);
}

process.on('uncaughtException', (error) => {
  console.error(error instanceof Failure ? error.message : error);
  process.exit(1);
});

let config;
try {
  config = await getConfig(projectDir, configFile, null);
  await validateConfiguration(config, new DebugLogger(false));
} catch (error) {
  fail('is invalid', [error.message]);
}

/** Target name (lower case) → set of archs, from the `target` list of a platform section. */
function targets(platform) {
  const result = new Map();
  for (const entry of [config[platform]?.target ?? []].flat()) {
    const name = (typeof entry === 'string' ? entry : entry.target).toLowerCase();
    const archs = typeof entry === 'string' ? [] : [entry.arch ?? []].flat();
    result.set(name, new Set([...(result.get(name) ?? []), ...archs]));
  }
  return result;
}

function configProblems() {
  const problems = [];
  const expect = (condition, message) => condition || problems.push(message);
  const requireTarget = (platform, target, archs) => {
    const found = targets(platform).get(target.toLowerCase());
    if (!found) return expect(false, `${platform}: missing target ${target}`);
    for (const arch of archs) expect(found.has(arch), `${platform}: target ${target} lacks arch ${arch}`);
  };

  expect(config.appId === 'cn.gov.pingluo.mediationdesk', `appId is ${config.appId}`);
  expect(config.productName === '人民调解工作台', `productName is ${config.productName}`);
  expect(config.directories?.output === 'dist', 'directories.output must be dist');
  requireTarget('win', 'nsis', ['x64']);
  requireTarget('linux', 'deb', ['x64', 'arm64']);
  requireTarget('linux', 'AppImage', ['x64', 'arm64']);
  expect(config.linux?.category === 'Office', 'linux.category must be Office');
  expect(config.linux?.maintainer, 'linux.maintainer is required for deb');
  expect(
    !/\.invalid>|example\.|TODO|<>/i.test(config.linux?.maintainer ?? ''),
    `linux.maintainer is a placeholder: ${config.linux?.maintainer}`,
  );

  // getConfig normalises `files` into file sets with filters.
  const filters = (config.files ?? []).flatMap((set) => set.filter ?? []);
  for (const pattern of ['out/**', 'package.json'])
    expect(filters.includes(pattern), `files must include ${pattern}`);
  expect(config.asar !== false, 'asar must be on');
  expect(
    [config.asarUnpack ?? []].flat().includes('**/*.node'),
    'asarUnpack must include **/*.node (native SQLite)',
  );
  // Shipping a native module built for Node's ABI would crash the app at the first database open.
  expect(
    config.npmRebuild !== false,
    'npmRebuild must not be false in the file; override it on the command line',
  );
  expect(
    config.nsis?.deleteAppDataOnUninstall !== true,
    'nsis.deleteAppDataOnUninstall would delete the case database',
  );
  const fuses = config.electronFuses ?? {};
  for (const [fuse, wanted] of Object.entries({
    runAsNode: false,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
  })) {
    expect(fuses[fuse] === wanted, `electronFuses.${fuse} must be ${wanted}`);
  }
  for (const platform of ['win', 'linux']) {
    const icon = config[platform]?.icon;
    expect(icon && existsSync(join(projectDir, icon)), `${platform}.icon ${icon} does not exist`);
  }
  return problems;
}

const problems = configProblems();
if (problems.length > 0) fail("does not meet the app's needs", problems);

if (!pack) {
  console.log(
    `electron-builder.yml OK (electron-builder ${builderVersion}): ${config.appId}, ` +
      'win nsis x64, linux deb + AppImage x64/arm64',
  );
  process.exit(0);
}

// ---- --pack: a real packaging run, minus the Electron download and the native rebuild ----

const FUSE_ORDER = [
  'runAsNode',
  'enableCookieEncryption',
  'enableNodeOptionsEnvironmentVariable',
  'enableNodeCliInspectArguments',
  'enableEmbeddedAsarIntegrityValidation',
  'onlyLoadAppFromAsar',
  'loadBrowserProcessSpecificV8Snapshot',
  'grantFileProtocolExtraPrivileges',
];

/** A folder electron-builder accepts as an unpacked Electron: a stub binary carrying a fuse wire. */
function stubElectron(dir) {
  const { SENTINEL } = require('@electron/fuses/dist/constants');
  mkdirSync(join(dir, 'locales'), { recursive: true });
  const wire = Buffer.from('0'.repeat(FUSE_ORDER.length)); // all off: every '1' seen later was set by us
  const binary = [
    Buffer.from('#!/bin/sh\nexit 1\n#'),
    Buffer.from(SENTINEL),
    Buffer.from([1, wire.length]),
    wire,
  ];
  writeFileSync(join(dir, 'electron'), Buffer.concat(binary), { mode: 0o755 });
  writeFileSync(join(dir, 'LICENSE'), readFileSync(require.resolve('electron/LICENSE')));
  writeFileSync(join(dir, 'LICENSES.chromium.html'), '<html></html>');
  for (const locale of ['zh-CN', 'en-US', 'de', 'fr'])
    writeFileSync(join(dir, 'locales', `${locale}.pak`), '');
}

function inspectPackage(appDir) {
  const found = [];
  const expect = (condition, message) => condition || found.push(message);
  const executable = join(appDir, config.linux?.executableName ?? config.executableName ?? 'electron');
  expect(existsSync(executable), `no executable at ${executable}`);

  const { listPackage } = require('@electron/asar');
  const asar = join(appDir, 'resources', 'app.asar');
  const entries = existsSync(asar)
    ? listPackage(asar, { isPack: false }).map((e) => e.replaceAll('\\', '/'))
    : [];
  expect(entries.length > 0, 'no resources/app.asar');
  for (const file of [
    '/package.json',
    '/out/main/app.cjs',
    // The dossier PDF worker thread's script (Electron loads worker scripts from app.asar).
    '/out/main/dossierTypesetter.cjs',
    '/out/preload/preload.cjs',
    '/out/renderer/index.html',
  ]) {
    expect(entries.includes(file), `app.asar lacks ${file}`);
  }
  expect(!entries.some((e) => e.startsWith('/out/') && e.endsWith('.map')), 'app.asar carries source maps');
  // Vite bundles the renderer; its libraries must not be packed a second time.
  for (const dev of ['electron', 'react', 'antd', 'vite', 'vitest', 'typescript']) {
    expect(!entries.includes(`/node_modules/${dev}`), `app.asar carries the dev dependency ${dev}`);
  }
  const native = join(
    appDir,
    'resources',
    'app.asar.unpacked',
    'node_modules',
    'better-sqlite3-multiple-ciphers',
  );
  expect(
    existsSync(join(native, 'build', 'Release', 'better_sqlite3.node')),
    'better_sqlite3.node is not unpacked',
  );
  expect(!existsSync(join(native, 'deps')), 'the SQLite sources (deps/) are packed');

  const locales = readdirSync(join(appDir, 'locales')).sort();
  expect(locales.join() === 'en-US.pak,zh-CN.pak', `locales packed: ${locales.join(', ')}`);

  const { SENTINEL } = require('@electron/fuses/dist/constants');
  const binary = readFileSync(executable);
  const at = binary.indexOf(SENTINEL) + SENTINEL.length + 2;
  const wire = binary.subarray(at, at + FUSE_ORDER.length).toString('latin1');
  for (const [name, wanted] of Object.entries(config.electronFuses ?? {})) {
    const index = FUSE_ORDER.indexOf(name);
    expect(index >= 0 && wire[index] === (wanted ? '1' : '0'), `fuse ${name} is not ${wanted}`);
  }
  return found;
}

const work = mkdtempSync(join(tmpdir(), 'desk-pack-'));
try {
  for (const file of [
    'out/main/app.cjs',
    'out/main/dossierTypesetter.cjs',
    'out/preload/preload.cjs',
    'out/renderer/index.html',
  ]) {
    if (!existsSync(join(projectDir, file)))
      fail('cannot be packed yet', [`${file} is missing: run npm run build`]);
  }
  stubElectron(join(work, 'electron'));
  const output = join(work, 'dist');
  const cli = require.resolve('electron-builder/cli.js');
  const run = spawnSync(
    process.execPath,
    [
      cli,
      '--linux',
      '--x64',
      '--dir',
      '--config',
      configFile,
      '-c.npmRebuild=false', // see electron-builder.yml: here the rebuild would mislabel a Node build
      `-c.electronDist=${join(work, 'electron')}`,
      `-c.directories.output=${output}`,
    ],
    { cwd: projectDir, encoding: 'utf8', env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' } },
  );
  if (run.status !== 0)
    fail('did not pack', [`electron-builder exited ${run.status}`, run.stdout, run.stderr]);
  const packProblems = inspectPackage(join(output, 'linux-unpacked'));
  if (packProblems.length > 0) fail('packed, but the package is wrong', packProblems);
  console.log(
    `electron-builder.yml OK and packs (electron-builder ${builderVersion}, linux-x64 --dir, stub Electron)`,
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}
