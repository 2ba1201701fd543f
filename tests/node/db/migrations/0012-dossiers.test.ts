import { afterEach, describe, expect, it } from 'vitest';
import { migrations, openStore } from '../../../../db';
import { removeTempDirs } from '../../../helpers/tempDir';
import { tempStore } from '../../../helpers/store';

afterEach(removeTempDirs);

describe('migration 0012: dossiers, their paper, archived revisions and reviews', () => {
  it('keeps existing closed cases and lets them be filed, archived and reviewed', async () => {
    const before = migrations.slice(
      0,
      migrations.findIndex((m) => m.name.startsWith('Dossiers')),
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
    const sync = `'o', 1, 't', 't'`;
    migrated.sql.run(
      `INSERT INTO dossiers (id, origin_office_id, version, created_at, updated_at, case_id, committee_id, volume_year, volume_seq,
         volume_number, title, filed_by, filed_by_name, filed_on, retention, state)
       VALUES ('d1', ${sync}, 'c1', ?, 2026, 1, '（2026）平人调卷字第001号', '甲与乙纠纷', 'u', '档案员', '2026-11-30', '长期', 'open')`,
      center,
    );
    // One dossier per case, one 卷号 sequence per committee and year.
    expect(() =>
      migrated.sql.run(
        `INSERT INTO dossiers (id, origin_office_id, version, created_at, updated_at, case_id, committee_id, volume_year, volume_seq,
           volume_number, title, filed_by, filed_by_name, filed_on, retention, state)
         VALUES ('d2', ${sync}, 'c1', ?, 2026, 2, 'X', 'T', 'u', 'n', '2026-11-30', '长期', 'open')`,
        center,
      ),
    ).toThrow(/UNIQUE/);
    expect(() => migrated.sql.run(`UPDATE dossiers SET state = 'lost' WHERE id = 'd1'`)).toThrow(/CHECK/);
    migrated.sql.run(
      `INSERT INTO dossier_archives (id, origin_office_id, version, created_at, updated_at, dossier_id, revision, archived_by_name,
         page_count, sha256, pdf) VALUES ('a1', ${sync}, 'd1', 1, '档案员', 16, 'h', x'25504446')`,
    );
    migrated.sql.run(
      `INSERT INTO dossier_reviews (id, origin_office_id, version, created_at, updated_at, dossier_id, case_id, committee_id,
         reviewer_id, reviewer_name, reviewed_on, scores, total, grade) VALUES ('r1', ${sync}, 'd1', 'c1', ?, 'u', '评查员',
         '2026-12-01', '{}', 92, '优秀')`,
      center,
    );
    migrated.sql.run(`UPDATE cases SET status = 'archived' WHERE id = 'c1'`);
    expect(migrated.sql.get(`SELECT grade FROM dossier_reviews WHERE dossier_id = 'd1'`)).toEqual({
      grade: '优秀',
    });
    await migrated.close();
  });
});
