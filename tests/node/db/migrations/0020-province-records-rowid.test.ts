import { afterEach, describe, expect, it } from 'vitest';
import { removeTempDirs } from '../../../helpers/tempDir';
import { storeBefore } from '../../../helpers/store';

afterEach(removeTempDirs);

describe('migration 0020: a batch’s frozen records in a rowid table', () => {
  it('keeps every frozen record, its key and its checks', async () => {
    const { store, migrate } = await storeBefore(20);
    store.sql.run(
      `INSERT INTO province_batches (id, batch_no, scope_key, state, created_at, created_by, created_by_name, salt)
       VALUES ('b1', 1, 'o1', 'pending', 't', 'u', '档案员', 's')`,
    );
    const payload = JSON.stringify({ id: 'c2', summary: '邻里纠纷'.repeat(200) });
    for (const [set, id, body] of [
      ['cases', 'c2', payload],
      ['cases', 'c1', '{"id":"c1"}'],
      ['mediators', 'm1', '{"id":"m1"}'],
    ])
      store.sql.run(
        `INSERT INTO province_batch_records (batch_id, info_set, record_id, hash, payload) VALUES ('b1', ?, ?, ?, ?)`,
        set,
        id,
        `h-${id}`,
        body,
      );
    const migrated = await migrate();
    expect(
      migrated.sql.get<{ sql: string }>(
        `SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'province_batch_records'`,
      )!.sql,
    ).not.toMatch(/WITHOUT ROWID/);
    expect(
      migrated.sql.all(
        `SELECT info_set AS infoSet, record_id AS recordId, hash, payload FROM province_batch_records
          WHERE batch_id = 'b1' ORDER BY info_set, record_id`,
      ),
    ).toEqual([
      { infoSet: 'cases', recordId: 'c1', hash: 'h-c1', payload: '{"id":"c1"}' },
      { infoSet: 'cases', recordId: 'c2', hash: 'h-c2', payload },
      { infoSet: 'mediators', recordId: 'm1', hash: 'h-m1', payload: '{"id":"m1"}' },
    ]);
    const insert = (set: string, id: string) =>
      migrated.sql.run(
        `INSERT INTO province_batch_records (batch_id, info_set, record_id, hash, payload) VALUES ('b1', ?, ?, 'h', '{}')`,
        set,
        id,
      );
    expect(() => insert('cases', 'c1')).toThrow(/UNIQUE/);
    expect(() => insert('letters', 'r')).toThrow(/CHECK/);
    expect(() =>
      migrated.sql.run(
        `INSERT INTO province_batch_records (batch_id, info_set, record_id, hash, payload) VALUES ('nope', 'cases', 'c3', 'h', '{}')`,
      ),
    ).toThrow(/FOREIGN KEY/);
    await migrated.close();
  });
});
