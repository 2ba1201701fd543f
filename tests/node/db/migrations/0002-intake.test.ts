import { afterEach, describe, expect, it } from 'vitest';
import { Initial0001 } from '../../../../db/migrations/0001-initial';
import { Intake0002 } from '../../../../db/migrations/0002-intake';
import { openStore } from '../../../../db';
import { removeTempDirs } from '../../../helpers/tempDir';
import { tempStore } from '../../../helpers/store';

afterEach(removeTempDirs);

describe('migration 0002: the intake desk', () => {
  it('keeps existing users and adds the seeded catalog, cases and the search index', async () => {
    const { store, file, key } = await tempStore({ migrations: [Initial0001] });
    store.sql.run(
      `INSERT INTO users (id, origin_office_id, created_at, updated_at, username, username_key, display_name, roles)
       VALUES ('u1', 'o', 't', 't', 'clerk', 'clerk', '李青', '["intake"]')`,
    );
    await store.close();

    const migrated = await openStore({ file, key, create: false, migrations: [Initial0001, Intake0002] });
    expect(migrated.sql.get(`SELECT display_name AS name FROM users WHERE id = 'u1'`)).toEqual({
      name: '李青',
    });
    const orgs = migrated.sql.all<{ name: string; kind: string }>(
      `SELECT name, kind FROM organisations ORDER BY sort`,
    );
    expect(orgs[0]).toEqual({ name: '平罗县人民调解中心', kind: 'county_center' });
    expect(orgs.filter((o) => o.kind === 'township')).toHaveLength(13);
    const types = migrated.sql.all<{ code: string; official: string | null }>(
      `SELECT code, official_code AS official FROM dispute_types`,
    );
    expect(types.filter((t) => t.official === null)).toHaveLength(18);
    expect(types.find((t) => t.code === 'chamber_commerce')).toEqual({
      code: 'chamber_commerce',
      official: 'production',
    });
    migrated.sql.run(`INSERT INTO case_search (rowid, terms) VALUES (1, '张 三 张三')`);
    expect(migrated.sql.all(`SELECT rowid FROM case_search WHERE case_search MATCH '"张三"'`)).toEqual([
      { rowid: 1 },
    ]);
    // The number ledger refuses the same sequence twice for a committee and year.
    const issue = `INSERT INTO case_numbers (case_number, committee_id, year, seq, case_id, state, issued_at) VALUES (?, 'c', 2026, 1, 'x', 'issued', 't')`;
    migrated.sql.run(issue, 'A');
    expect(() => migrated.sql.run(issue, 'B')).toThrow(/UNIQUE/);
    await migrated.close();
  });
});
