import { mkdirSync, symlinkSync, utimesSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { chromiumArgs, PROFILE_PREFIX, sweepStaleProfiles } from '../../../main/web/browser';
import { removeTempDirs, tempDir } from '../../helpers/tempDir';

afterEach(removeTempDirs);

describe('the browser-mode window', () => {
  it('opens a launch file in an incognito, throwaway profile: no URL, code or token on the command line', () => {
    const args = chromiumArgs('/tmp/desk-browser-x', '/tmp/desk-browser-x/launch.html');
    expect(args).toContain('--incognito');
    expect(args).toContain('--user-data-dir=/tmp/desk-browser-x');
    expect(args).toContain('--app=file:///tmp/desk-browser-x/launch.html');
    expect(args).toContain('--disable-breakpad');
    expect(args.join(' ')).not.toMatch(/https?:|code=|token=/);
  });

  it('sweeps profiles left by a killed app, and keeps one whose Chromium still runs', () => {
    const tmp = tempDir('desk-sweep-');
    const old = Date.now() / 1000 - 3600;
    const stale = join(tmp, `${PROFILE_PREFIX}stale`);
    mkdirSync(join(stale, 'Default'), { recursive: true });
    symlinkSync('host-999999999', join(stale, 'SingletonLock'));
    const live = join(tmp, `${PROFILE_PREFIX}live`);
    mkdirSync(join(live, 'Default'), { recursive: true });
    symlinkSync(`host-${process.pid}`, join(live, 'SingletonLock'));
    const starting = join(tmp, `${PROFILE_PREFIX}starting`);
    mkdirSync(starting);
    const abandoned = join(tmp, `${PROFILE_PREFIX}abandoned`);
    mkdirSync(abandoned);
    utimesSync(abandoned, old, old);
    const other = join(tmp, 'something-else');
    mkdirSync(other);

    sweepStaleProfiles(tmp);
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(abandoned)).toBe(false);
    expect(existsSync(live)).toBe(true);
    expect(existsSync(starting)).toBe(true);
    expect(existsSync(other)).toBe(true);
  });
});
