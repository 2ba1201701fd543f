import { afterEach, describe, expect, it } from 'vitest';
import { removeTempDirs } from '../../../helpers/tempDir';
import { storeBefore } from '../../../helpers/store';

afterEach(removeTempDirs);

describe('migration 0016: the provincial package ledger', () => {
  it('starts with nothing reported, keeps existing data, and numbers batches uniquely', async () => {
    const { store, migrate } = await storeBefore(16);
    store.sql.run(`INSERT INTO settings (key, value) VALUES ('office', '{"id":"o1"}')`);
    const migrated = await migrate();
    expect(migrated.sql.get(`SELECT value FROM settings WHERE key = 'office'`)).toEqual({
      value: '{"id":"o1"}',
    });
    expect(migrated.sql.get(`SELECT count(*) AS n FROM province_sent`)).toEqual({ n: 0 });
    expect(migrated.sql.get(`SELECT count(*) AS n FROM province_batches`)).toEqual({ n: 0 });
    const batch = (id: string, no: number) =>
      migrated.sql.run(
        `INSERT INTO province_batches (id, batch_no, scope_key, state, created_at, created_by, created_by_name, salt)
         VALUES (?, ?, 'o1', 'pending', 't', 'u', '档案员', 's')`,
        id,
        no,
      );
    batch('b1', 1);
    expect(() => batch('b2', 1)).toThrow(/UNIQUE/);
    expect(() =>
      migrated.sql.run(
        `INSERT INTO province_batch_records (batch_id, info_set, record_id, hash, payload) VALUES ('b1', 'letters', 'r', 'h', '{}')`,
      ),
    ).toThrow(/CHECK/);
    await migrated.close();
  });
});
