import { afterEach, describe, expect, it } from 'vitest';
import { migrations, openStore } from '../../../../db';
import { removeTempDirs } from '../../../helpers/tempDir';
import { tempStore } from '../../../helpers/store';

afterEach(removeTempDirs);

describe('migration 0005: the referring court of court-referred cases', () => {
  it('adds an empty referring_court to existing cases', async () => {
    const before = migrations.slice(0, 4);
    const { store, file, key } = await tempStore({ migrations: before });
    const center = '7da55d92-5712-44e5-beb3-bda8994c7a55';
    store.sql.run(
      `INSERT INTO cases (id, origin_office_id, created_at, updated_at, case_number, committee_id, number_year, number_seq, status,
         dispute_type, source, township, received_on, received_by, received_by_name, summary, requests, risk_level, party_names)
       VALUES ('c1', ?, 't', 't', 'N1', ?, 2026, 1, 'accepted', 'contract', 'court_delegated', '城关镇', '2026-11-20', 'u', '李青',
         '某纠纷', '请求', 'normal', '甲 与 乙')`,
      center,
      center,
    );
    await store.close();
    const migrated = await openStore({ file, key, create: false, migrations });
    expect(migrated.sql.get(`SELECT source, referring_court AS court FROM cases WHERE id = 'c1'`)).toEqual({
      source: 'court_delegated',
      court: null,
    });
    migrated.sql.run(`UPDATE cases SET referring_court = '平罗县人民法院' WHERE id = 'c1'`);
    expect(migrated.sql.get(`SELECT referring_court AS court FROM cases WHERE id = 'c1'`)).toEqual({
      court: '平罗县人民法院',
    });
    await migrated.close();
  });
});
