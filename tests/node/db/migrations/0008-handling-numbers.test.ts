import { afterEach, describe, expect, it } from 'vitest';
import { migrations, openStore } from '../../../../db';
import { HandlingNumbers0008 } from '../../../../db/migrations/0008-handling-numbers';
import { removeTempDirs } from '../../../helpers/tempDir';
import { tempStore } from '../../../helpers/store';

afterEach(removeTempDirs);

const CENTER = '7da55d92-5712-44e5-beb3-bda8994c7a55';

describe('migration 0008: handling numbers and the agreement’s responsibility', () => {
  it('keeps cases, numbers and agreements; old numbers are intake numbers, old agreements have no separate responsibility', async () => {
    const before = migrations.slice(0, migrations.indexOf(HandlingNumbers0008));
    const { store, file, key } = await tempStore({ migrations: before });
    store.sql.run(
      `INSERT INTO cases (id, origin_office_id, created_at, updated_at, case_number, committee_id, number_year, number_seq, status,
         dispute_type, source, township, received_on, received_by, received_by_name, summary, requests, risk_level, party_names)
       VALUES ('c1', ?, 't', 't', '（2026）平调字第0001号', ?, 2026, 1, 'succeeded', 'contract', 'party_application', '城关镇',
         '2026-11-20', 'u', '李青', '某纠纷', '请求', 'normal', '甲 与 乙')`,
      CENTER,
      CENTER,
    );
    store.sql.run(
      `INSERT INTO case_numbers (case_number, committee_id, year, seq, case_id, state, issued_at)
       VALUES ('（2026）平调字第0001号', ?, 2026, 1, 'c1', 'issued', 't')`,
      CENTER,
    );
    store.sql.run(
      `INSERT INTO agreements (id, origin_office_id, created_at, updated_at, case_id, kind, number, facts, terms,
         performance_manner, performance_place, performance_deadline, reached_on, subject_matter)
       VALUES ('a1', ?, 't', 't', 'c1', 'written', '（2026）平调字第0001号', '事实、争议及责任', '["条款"]', '转账', '平罗县',
         '2026-12-31', '2026-11-25', 'ordinary')`,
      CENTER,
    );
    await store.close();

    const migrated = await openStore({ file, key, create: false, migrations });
    expect(
      migrated.sql.get(`SELECT case_number AS n, handling_number AS h FROM cases WHERE id = 'c1'`),
    ).toEqual({
      n: '（2026）平调字第0001号',
      h: null,
    });
    expect(migrated.sql.get(`SELECT kind FROM case_numbers WHERE case_id = 'c1'`)).toEqual({
      kind: 'intake',
    });
    expect(migrated.sql.get(`SELECT facts, responsibility FROM agreements WHERE id = 'a1'`)).toEqual({
      facts: '事实、争议及责任',
      responsibility: null,
    });
    migrated.sql.run(`UPDATE cases SET handling_number = '（2026）平医调字第0001号' WHERE id = 'c1'`);
    migrated.sql.run(
      `INSERT INTO case_numbers (case_number, committee_id, year, seq, case_id, state, issued_at, kind)
       VALUES ('（2026）平医调字第0001号', 'm', 2026, 1, 'c1', 'issued', 't', 'handling')`,
    );
    expect(migrated.sql.all(`SELECT kind FROM case_numbers WHERE case_id = 'c1' ORDER BY kind`)).toEqual([
      { kind: 'handling' },
      { kind: 'intake' },
    ]);
    await migrated.close();
  });
});
