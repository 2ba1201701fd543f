import { afterEach, describe, expect, it } from 'vitest';
import { removeTempDirs } from '../../../helpers/tempDir';
import { storeBefore } from '../../../helpers/store';

afterEach(removeTempDirs);

describe('migration 0018: exchange packages', () => {
  it('starts trusting no one, keeps existing data, and refuses a second package with the same number', async () => {
    const { store, migrate } = await storeBefore(18);
    store.sql.run(`INSERT INTO settings (key, value) VALUES ('office', '{"id":"o1"}')`);
    const migrated = await migrate();
    expect(migrated.sql.get(`SELECT value FROM settings WHERE key = 'office'`)).toEqual({
      value: '{"id":"o1"}',
    });
    for (const t of ['exchange_trusted_offices', 'exchange_peers', 'exchange_packages', 'exchange_conflicts'])
      expect(migrated.sql.get(`SELECT count(*) AS n FROM ${t}`)).toEqual({ n: 0 });
    const pkg = (id: string, seq: number) =>
      migrated.sql.run(
        `INSERT INTO exchange_packages (id, direction, peer_office_id, sequence, created_at, handled_at, handled_by_name,
           manifest_sha256, audit_seq, audit_hash) VALUES (?, 'in', 'o2', ?, 't', 't', '管理员', 'h', 1, 'a')`,
        id,
        seq,
      );
    pkg('p1', 1);
    expect(() => pkg('p2', 1)).toThrow(/UNIQUE/);
    expect(() =>
      migrated.sql.run(
        `INSERT INTO exchange_trusted_offices (office_id, office_name, office_kind, signing_key, agreement_key, fingerprint,
           trusted_at, trusted_by_name) VALUES ('o3', '某村', 'village', 's', 'a', 'f', 't', '管理员')`,
      ),
    ).toThrow(/CHECK/);
    await migrated.close();
  });
});
