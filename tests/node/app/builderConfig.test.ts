import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempDirs, tempDir } from '../../helpers/tempDir';

// The packaging configuration, checked offline by the same script `npm test` runs: the fuses
// that make the packaged app refuse a tampered or swapped app.asar, and a real maintainer.

const config = readFileSync('electron-builder.yml', 'utf8');
afterAll(removeTempDirs);

function check(yaml: string) {
  const file = join(tempDir('desk-builder-'), 'electron-builder.yml');
  writeFileSync(file, yaml);
  const run = spawnSync(process.execPath, ['scripts/check-builder-config.mjs', file], { encoding: 'utf8' });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

describe('electron-builder.yml', () => {
  it('passes the offline check as committed', () => {
    expect(check(config)).toMatchObject({ status: 0 });
  });

  it.each([
    ['enableEmbeddedAsarIntegrityValidation: true', 'enableEmbeddedAsarIntegrityValidation: false'],
    ['onlyLoadAppFromAsar: true', 'onlyLoadAppFromAsar: false'],
  ])('turns the fuse on: %s (the check refuses it off)', (on, off) => {
    expect(config).toContain(on);
    const result = check(config.replace(on, off));
    expect(result.status).toBe(1);
    expect(result.output).toContain(`electronFuses.${on.split(':')[0]} must be true`);
  });

  it('names a real maintainer for the deb package, not a placeholder', () => {
    expect(config).not.toMatch(/maintainer:.*\.invalid/);
    const result = check(
      config.replace(/maintainer: .*/, 'maintainer: 平罗县人民调解中心 <it@pingluo-mediation.invalid>'),
    );
    expect(result.status).toBe(1);
    expect(result.output).toContain('linux.maintainer');
  });
});
