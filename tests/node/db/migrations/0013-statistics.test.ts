import { afterEach, describe, expect, it } from 'vitest';
import { migrations, openStore } from '../../../../db';
import { removeTempDirs } from '../../../helpers/tempDir';
import { tempStore } from '../../../helpers/store';

afterEach(removeTempDirs);

describe('migration 0013: submitted monthly returns', () => {
  it('keeps existing cases and holds one submitted return per month and committee', async () => {
    const before = migrations.slice(
      0,
      migrations.findIndex((m) => m.name.startsWith('Statistics')),
    );
    const { store, file, key } = await tempStore({ migrations: before });
    const center = '7da55d92-5712-44e5-beb3-bda8994c7a55';
    store.sql.run(
      `INSERT INTO cases (id, origin_office_id, created_at, updated_at, case_number, committee_id, number_year, number_seq, status,
         dispute_type, source, township, received_on, received_by, received_by_name, summary, requests, risk_level, party_names)
       VALUES ('c1', ?, 't', 't', 'N1', ?, 2026, 1, 'closed', 'contract', 'party_application', '城关镇', '2026-11-20', 'u', '李青',
         '某纠纷', '请求', 'normal', '甲 与 乙')`,
      center,
      center,
    );
    await store.close();
    const migrated = await openStore({ file, key, create: false, migrations });
    expect(migrated.sql.get(`SELECT status FROM cases WHERE id = 'c1'`)).toEqual({ status: 'closed' });
    const insert = (id: string, month: string, committee: string | null) =>
      migrated.sql.run(
        `INSERT INTO monthly_returns (id, origin_office_id, version, created_at, updated_at, month, committee_id, figures,
           submitted_by, submitted_by_name, submitted_at) VALUES (?, 'o', 1, 't', 't', ?, ?, '{}', 'u', '刘局长', 't')`,
        id,
        month,
        committee,
      );
    insert('r1', '2026-11', center);
    insert('r2', '2026-11', null);
    expect(() => insert('r3', '2026-11', center)).toThrow(/UNIQUE/);
    expect(() => insert('r4', '2026-11', null)).toThrow(/UNIQUE/);
    expect(() => insert('r5', '2026/11', null)).toThrow(/CHECK/);
    expect(migrated.sql.get(`SELECT count(*) AS n FROM monthly_returns`)).toEqual({ n: 2 });
    await migrated.close();
  });
});
