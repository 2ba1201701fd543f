import { afterEach, describe, expect, it } from 'vitest';
import { Initial0001 } from '../../../../db/migrations/0001-initial';
import { removeTempDirs } from '../../../helpers/tempDir';
import { tempStore } from '../../../helpers/store';

afterEach(removeTempDirs);

describe('migration 0001: users, settings, audit log', () => {
  it('creates the tables with syncable columns and the unique user-name index', async () => {
    const { store } = await tempStore({ migrations: [Initial0001] });
    const tables = store.sql
      .all<{ name: string }>(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`)
      .map((t) => t.name);
    expect(tables).toEqual(expect.arrayContaining(['audit_log', 'migrations', 'settings', 'users']));
    const userColumns = store.sql.all<{ name: string }>(`PRAGMA table_info(users)`).map((c) => c.name);
    expect(userColumns).toEqual(
      expect.arrayContaining([
        'id',
        'origin_office_id',
        'version',
        'created_at',
        'updated_at',
        'deleted_at',
        'username_key',
      ]),
    );
    const insert = `INSERT INTO users (id, origin_office_id, created_at, updated_at, username, username_key, display_name, roles)
      VALUES (?, 'o', 't', 't', ?, ?, '某某', '[]')`;
    store.sql.run(insert, 'a', 'Zhang', 'zhang');
    expect(() => store.sql.run(insert, 'b', 'ZHANG', 'zhang')).toThrow(/UNIQUE/);
    // A soft-deleted user frees the name.
    store.sql.run(`UPDATE users SET deleted_at = 't' WHERE id = 'a'`);
    store.sql.run(insert, 'b', 'ZHANG', 'zhang');
    expect(() =>
      store.sql.run(
        `INSERT INTO audit_log (seq, at, action, outcome, prev_hash, hash) VALUES (1, 't', 'x', 'maybe', '', '')`,
      ),
    ).toThrow(/CHECK/);
    await store.close();
  });
});
