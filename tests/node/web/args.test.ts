import { describe, expect, it } from 'vitest';
import { parseBrowserModeArgs } from '../../../main/web/args';
import { defaultDataDir } from '../../../main/web/dataDir';

describe('browser-mode options', () => {
  it('defaults the data directory per platform', () => {
    expect(defaultDataDir('linux', {}, '/home/li')).toBe('/home/li/.local/share/pingluo-mediation-desk');
    expect(defaultDataDir('linux', { XDG_DATA_HOME: '/data/xdg' }, '/home/li')).toBe(
      '/data/xdg/pingluo-mediation-desk',
    );
    expect(defaultDataDir('linux', { XDG_DATA_HOME: 'relative' }, '/home/li')).toBe(
      '/home/li/.local/share/pingluo-mediation-desk',
    );
    expect(
      defaultDataDir('win32', { APPDATA: 'C:\\Users\\li\\AppData\\Roaming' }, 'C:\\Users\\li'),
    ).toContain('pingluo-mediation-desk');
    expect(defaultDataDir('darwin', {}, '/Users/li')).toBe(
      '/Users/li/Library/Application Support/pingluo-mediation-desk',
    );
  });

  it('takes --data-dir, --port and --no-open, and explains a bad port in Chinese', () => {
    expect(parseBrowserModeArgs(['--data-dir', '/tmp/d', '--port', '8123', '--no-open'], {})).toMatchObject({
      dataDir: '/tmp/d',
      port: 8123,
      open: false,
    });
    // No secret comes from the environment or the command line any more (launch codes replace it).
    expect(parseBrowserModeArgs([], { DESK_TOKEN: 'x' })).not.toHaveProperty('token');
    expect(() => parseBrowserModeArgs(['--port', 'abc'], {})).toThrow(
      '端口“abc”无效：请填写 0–65535 之间的整数',
    );
    expect(() => parseBrowserModeArgs(['--bogus'], {})).toThrow();
  });
});
