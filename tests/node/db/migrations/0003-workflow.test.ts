import { afterEach, describe, expect, it } from 'vitest';
import { Initial0001 } from '../../../../db/migrations/0001-initial';
import { Intake0002 } from '../../../../db/migrations/0002-intake';
import { Workflow0003 } from '../../../../db/migrations/0003-workflow';
import { openStore } from '../../../../db';
import { removeTempDirs } from '../../../helpers/tempDir';
import { tempStore } from '../../../helpers/store';

afterEach(removeTempDirs);

describe('migration 0003: organisations, mediators and the workflow', () => {
  it('gives existing cases the default one-month deadline and seeds the sector committees', async () => {
    const { store, file, key } = await tempStore({ migrations: [Initial0001, Intake0002] });
    const center = '7da55d92-5712-44e5-beb3-bda8994c7a55';
    store.sql.run(
      `INSERT INTO cases (id, origin_office_id, created_at, updated_at, case_number, committee_id, number_year, number_seq, status,
         dispute_type, source, township, received_on, received_by, received_by_name, summary, requests, risk_level, party_names)
       VALUES ('c1', ?, 't', 't', 'N1', ?, 2026, 1, 'accepted', 'medical', 'party_application', '城关镇', '2026-11-20', 'u', '李青',
         '某纠纷', '请求', 'normal', '甲 与 乙')`,
      center,
      center,
    );
    await store.close();

    const migrated = await openStore({
      file,
      key,
      create: false,
      migrations: [Initial0001, Intake0002, Workflow0003],
    });
    expect(migrated.sql.get(`SELECT mediation_deadline AS d, status FROM cases WHERE id = 'c1'`)).toEqual({
      d: '2026-12-20',
      status: 'accepted',
    });
    const medical = migrated.sql.get<{ kind: string; parent: string; specialties: string }>(
      `SELECT kind, parent_id AS parent, specialties FROM organisations WHERE name = '平罗县医疗纠纷人民调解委员会'`,
    );
    expect(medical).toEqual({ kind: 'sector', parent: center, specialties: '["medical"]' });
    expect(
      migrated.sql.get<{ n: number }>(`SELECT count(*) AS n FROM organisations WHERE kind = 'stationed'`)?.n,
    ).toBe(3);
    // Township rows (from 0002) got the new column's default.
    expect(
      migrated.sql.get(`SELECT specialties FROM organisations WHERE name = '城关镇人民调解委员会'`),
    ).toEqual({ specialties: '[]' });
    expect(() =>
      migrated.sql.run(
        `INSERT INTO case_assignments (id, origin_office_id, created_at, updated_at, case_id, committee_id, mode, state, kind,
           dispatched_by, dispatched_by_name, dispatched_at) VALUES ('a', 'o', 't', 't', 'c1', ?, 'assigned', 'maybe', 'dispatch', 'u', 'x', 't')`,
        center,
      ),
    ).toThrow(/CHECK/);
    await migrated.close();
  });
});
