import { afterEach, describe, expect, it } from 'vitest';
import { removeTempDirs } from '../../../helpers/tempDir';
import { storeBefore } from '../../../helpers/store';

afterEach(removeTempDirs);

const COUNTY = '7da55d92-5712-44e5-beb3-bda8994c7a55';
const EPOCH = '1970-01-01T00:00:00.000Z';

describe('migration 0022: the shared catalogue gets the sync columns', () => {
  it('keeps dispute types and settings, owns them by the county, and counts each local change', async () => {
    const { store, migrate } = await storeBefore(22);
    store.sql.run(
      `INSERT INTO settings (key, value) VALUES ('mediationLimitDays', '45'), ('office', '{"id":"o1"}')`,
    );
    store.sql.run(`UPDATE dispute_types SET name = '邻里纠纷' WHERE code = 'neighbour'`);
    const db = await migrate();
    const setting = (k: string) =>
      db.sql.get(
        `SELECT value, origin_office_id AS origin, version, updated_at AS updatedAt FROM settings WHERE key = ?`,
        k,
      );
    const type = (code: string) =>
      db.sql.get<{ name: string; origin: string; version: number; updatedAt: string; createdAt: string }>(
        `SELECT name, origin_office_id AS origin, version, updated_at AS updatedAt, created_at AS createdAt
           FROM dispute_types WHERE code = ?`,
        code,
      );
    // Existing rows are kept, at version 1, the county's.
    expect(setting('mediationLimitDays')).toEqual({
      value: '45',
      origin: COUNTY,
      version: 1,
      updatedAt: EPOCH,
    });
    expect(type('neighbour')).toMatchObject({
      name: '邻里纠纷',
      origin: COUNTY,
      version: 1,
      updatedAt: EPOCH,
    });

    // A local change of a shared row is a new version with a new time stamp; a write that sets
    // both (an exchange package) is kept as it came; an installation's own setting is left alone.
    db.sql.run(`UPDATE settings SET value = '60' WHERE key = 'mediationLimitDays'`);
    const changed = setting('mediationLimitDays') as { version: number; updatedAt: string };
    expect(changed.version).toBe(2);
    expect(changed.updatedAt).not.toBe(EPOCH);
    db.sql.run(
      `UPDATE dispute_types SET name = '邻里', version = 7, updated_at = ? WHERE code = 'neighbour'`,
      EPOCH,
    );
    expect(type('neighbour')).toMatchObject({ name: '邻里', version: 7, updatedAt: EPOCH });
    db.sql.run(`UPDATE settings SET value = '{"id":"o2"}' WHERE key = 'office'`);
    expect(setting('office')).toMatchObject({ version: 1, updatedAt: EPOCH });
    db.sql.run(`UPDATE dispute_types SET sort = sort WHERE code = 'neighbour'`);
    expect(type('neighbour')!.version).toBe(7);

    // A new row gets its creation time.
    db.sql.run(
      `INSERT INTO dispute_types (code, name, official_code, active, sort) VALUES ('grassland_use', '草场使用', 'land_forest', 1, 99)`,
    );
    expect(type('grassland_use')).toMatchObject({ origin: COUNTY, version: 1 });
    expect(type('grassland_use')!.createdAt).not.toBe(EPOCH);
    await db.close();
  });
});
