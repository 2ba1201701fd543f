import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it } from 'vitest';
import { migrations, openStore } from '../../../db';
import { removeTempDirs } from '../../helpers/tempDir';
import { tempStore } from '../../helpers/store';

afterEach(removeTempDirs);

describe('the encrypted store', () => {
  it('is unreadable without the key and SQLCipher-4 compatible with it', async () => {
    const { store, file, key } = await tempStore();
    store.sql.run(`INSERT INTO settings (key, value) VALUES ('probe', '"张三丰"')`);
    await store.close();
    const bytes = readFileSync(file);
    expect(bytes.subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');
    expect(bytes.includes(Buffer.from('张三丰'))).toBe(false);

    // A plain SQLCipher 4 reader with the same raw key sees the data.
    const db = new Database(file);
    db.pragma("cipher='sqlcipher'");
    db.pragma('legacy=4');
    db.pragma(`key="x'${key.toString('hex')}'"`);
    expect(db.prepare(`SELECT value FROM settings WHERE key = 'probe'`).get()).toEqual({ value: '"张三丰"' });
    db.close();
  });

  it('refuses a wrong key with "file is not a database" and changes nothing', async () => {
    const { store, file } = await tempStore();
    await store.close();
    const before = readFileSync(file);
    await expect(openStore({ file, key: randomBytes(32), create: false })).rejects.toThrow(/not a database/);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('never creates a database on sign-in paths (create: false)', async () => {
    const dir = (await import('../../helpers/tempDir')).tempDir();
    await expect(
      openStore({ file: `${dir}/missing.db`, key: randomBytes(32), create: false }),
    ).rejects.toThrow();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('runs WAL with synchronous=FULL, memory temp store, secure delete and a sized cache', async () => {
    const { store } = await tempStore();
    const raw = store.sql.raw;
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(raw.pragma('synchronous', { simple: true })).toBe(2);
    expect(raw.pragma('temp_store', { simple: true })).toBe(2);
    expect(raw.pragma('secure_delete', { simple: true })).toBe(1);
    expect(Number(raw.pragma('cache_size', { simple: true }))).toBeLessThanOrEqual(-16 * 1024);
    await store.close();
  });

  it('has one test per migration', () => {
    const tests = readdirSync(new URL('./migrations', import.meta.url));
    // Numbers are assigned per engineer (0006–0011 land from other branches), so the list may have
    // gaps until everything is merged; it must still run in ascending number order.
    let previous = 0;
    for (const migration of migrations) {
      const name = new migration().name;
      const n = Number(name.slice(-13));
      expect(n, name).toBeGreaterThan(previous);
      previous = n;
      const number = String(n).padStart(4, '0');
      expect(
        tests.some((t) => t.startsWith(`${number}-`)),
        `tests/node/db/migrations/${number}-*.test.ts`,
      ).toBe(true);
    }
  });
});
