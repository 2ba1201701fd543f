import { afterEach, describe, expect, it } from 'vitest';
import { migrations, openStore } from '../../../../db';
import { removeTempDirs } from '../../../helpers/tempDir';
import { tempStore } from '../../../helpers/store';

afterEach(removeTempDirs);

describe('migration 0014: screening rounds, analyses, subsidy grades and settlements', () => {
  it('keeps existing cases and organisations, and lets rounds, findings and locked settlements be stored', async () => {
    const before = migrations.slice(
      0,
      migrations.findIndex((m) => m.name.startsWith('ScreeningSubsidy')),
    );
    const { store, file, key } = await tempStore({ migrations: before });
    const center = '7da55d92-5712-44e5-beb3-bda8994c7a55';
    store.sql.run(
      `INSERT INTO cases (id, origin_office_id, created_at, updated_at, case_number, committee_id, number_year, number_seq, status,
         dispute_type, source, township, received_on, received_by, received_by_name, summary, requests, risk_level, party_names)
       VALUES ('c1', ?, 't', 't', 'N1', ?, 2026, 1, 'archived', 'contract', 'proactive', '城关镇', '2026-11-20', 'u', '李青',
         '某纠纷', '请求', 'normal', '甲 与 乙')`,
      center,
      center,
    );
    await store.close();
    const migrated = await openStore({ file, key, create: false, migrations });
    expect(migrated.sql.get(`SELECT status, source FROM cases WHERE id = 'c1'`)).toEqual({
      status: 'archived',
      source: 'proactive',
    });
    const sync = `'o', 1, 't', 't'`;
    migrated.sql.run(
      `INSERT INTO screening_rounds (id, origin_office_id, version, created_at, updated_at, organisation_id, held_on, conducted_by,
         method, area, finding_count, recorded_by, recorded_by_name)
       VALUES ('r1', ${sync}, ?, '2026-11-30', '李青、王芳', 'general', '全乡各村', 1, 'u', '李青')`,
      center,
    );
    migrated.sql.run(
      `INSERT INTO screening_findings (id, origin_office_id, version, created_at, updated_at, round_id, seq, kind, summary,
         disposition, case_id) VALUES ('f1', ${sync}, 'r1', 1, 'dispute', '地界纠纷', 'new_case', 'c1')`,
    );
    // A case disposition needs its case; a note disposition has none.
    expect(() =>
      migrated.sql.run(
        `INSERT INTO screening_findings (id, origin_office_id, version, created_at, updated_at, round_id, seq, kind, summary,
           disposition) VALUES ('f2', ${sync}, 'r1', 2, 'dispute', '地界纠纷', 'linked')`,
      ),
    ).toThrow(/CHECK/);
    expect(() => migrated.sql.run(`UPDATE screening_rounds SET method = 'random' WHERE id = 'r1'`)).toThrow(
      /CHECK/,
    );
    migrated.sql.run(
      `INSERT INTO screening_analyses (id, origin_office_id, version, created_at, updated_at, organisation_id, month, judgement,
         measures, written_by_name) VALUES ('a1', ${sync}, ?, '2026-11', '总体平稳', '加强排查', '李青')`,
      center,
    );
    expect(() =>
      migrated.sql.run(
        `INSERT INTO screening_analyses (id, origin_office_id, version, created_at, updated_at, organisation_id, month, judgement,
           measures, written_by_name) VALUES ('a2', ${sync}, ?, '2026-11', 'x', 'y', 'z')`,
        center,
      ),
    ).toThrow(/UNIQUE/);
    migrated.sql.run(
      `INSERT INTO subsidy_grades (id, origin_office_id, version, created_at, updated_at, case_id, proposed, grade, set_by_name,
         set_on) VALUES ('g1', ${sync}, 'c1', 'simple', 'general', '评审员', '2026-12-01')`,
    );
    migrated.sql.run(
      `INSERT INTO subsidy_settlements (id, origin_office_id, version, created_at, updated_at, period, state)
       VALUES ('s1', ${sync}, '2026-11', 'draft')`,
    );
    migrated.sql.run(
      `INSERT INTO subsidy_lines (id, origin_office_id, version, created_at, updated_at, settlement_id, case_id, mediator_name,
         committee_id, kind, grade, amount_fen) VALUES ('l1', ${sync}, 's1', 'c1', '马秀英', ?, 'case', 'general', 15000)`,
      center,
    );
    migrated.sql.run(`UPDATE subsidy_settlements SET state = 'locked', total_fen = 15000 WHERE id = 's1'`);
    // Locked: neither the settlement nor its lines change any more.
    expect(() => migrated.sql.run(`UPDATE subsidy_lines SET amount_fen = 1 WHERE id = 'l1'`)).toThrow(
      /locked/,
    );
    expect(() => migrated.sql.run(`DELETE FROM subsidy_lines WHERE id = 'l1'`)).toThrow(/locked/);
    expect(() => migrated.sql.run(`UPDATE subsidy_settlements SET total_fen = 1 WHERE id = 's1'`)).toThrow(
      /locked/,
    );
    expect(migrated.sql.get(`SELECT SUM(amount_fen) AS total FROM subsidy_lines`)).toEqual({ total: 15000 });
    await migrated.close();
  });
});
