import { afterEach, describe, expect, it } from 'vitest';
import { migrations, openStore, type Store } from '../../../../db';
import { Scope0007 } from '../../../../db/migrations/0007-scope';
import { SEED } from '../../../fixtures/builders';
import { removeTempDirs } from '../../../helpers/tempDir';
import { tempStore } from '../../../helpers/store';

afterEach(removeTempDirs);

const COUNTY = SEED.countyCenterId;
const MEDICAL = SEED.medicalCommitteeId;
const YAOFU = SEED.yaofuCommitteeId;
const VILLAGE = '11111111-1111-4111-8111-111111111111';

function insertCase(store: Store, id: string, committeeId: string, extra = '') {
  store.sql.run(
    `INSERT INTO cases (id, origin_office_id, created_at, updated_at, case_number, committee_id, number_year, number_seq, status,
       dispute_type, source, township, received_on, received_by, received_by_name, summary, requests, risk_level, party_names)
     VALUES (?, ?, 't', 't', ?, ?, 2026, 1, 'mediating', 'contract', 'party_application', '姚伏镇', '2026-11-20', 'u', '李青',
       '某纠纷', '请求', 'normal', '甲 与 乙')`,
    id,
    committeeId,
    `N-${id}`,
    committeeId,
  );
  if (extra) store.sql.run(extra, id);
}

function assign(store: Store, id: string, caseId: string, committeeId: string, state: string) {
  store.sql.run(
    `INSERT INTO case_assignments (id, origin_office_id, created_at, updated_at, case_id, committee_id, mode, state, kind,
       dispatched_by, dispatched_by_name, dispatched_at) VALUES (?, 'o', 't', 't', ?, ?, 'assigned', ?, 'dispatch', 'u', '杨', 't')`,
    id,
    caseId,
    committeeId,
    state,
  );
}

describe('migration 0007: committee scope', () => {
  it('gives existing users the office, and existing cases to the committees that hold (and held) them', async () => {
    const before = migrations.slice(0, migrations.indexOf(Scope0007));
    const { store, file, key } = await tempStore({ migrations: before });
    store.sql.run(
      `INSERT INTO settings (key, value) VALUES ('office', ?)`,
      JSON.stringify({ id: COUNTY, name: '平罗县人民调解中心', kind: 'county_center' }),
    );
    for (const [id, name] of [
      ['u1', 'admin'],
      ['u2', 'clerk'],
    ]) {
      store.sql.run(
        `INSERT INTO users (id, origin_office_id, created_at, updated_at, username, username_key, display_name, roles)
         VALUES (?, ?, 't', 't', ?, ?, '某某', '["admin"]')`,
        id,
        COUNTY,
        name,
        name,
      );
    }
    store.sql.run(
      `INSERT INTO organisations (id, origin_office_id, created_at, updated_at, name, kind, parent_id, abbreviation, case_number_pattern, township)
       VALUES (?, ?, 't', 't', '永丰村人民调解委员会', 'village', ?, '平永', 'x{seq}', '姚伏镇')`,
      VILLAGE,
      VILLAGE,
      YAOFU,
    );
    store.sql.run(
      `INSERT INTO mediators (id, origin_office_id, created_at, updated_at, kind, name, employment, grade)
       VALUES ('m1', 'o', 't', 't', 'mediator', '马秀英', 'full_time', 'first')`,
    );
    // c1: the county registered it; the medical committee mediates it with 马秀英.
    insertCase(store, 'c1', COUNTY, `UPDATE cases SET handling_committee_id = '${MEDICAL}' WHERE id = ?`);
    assign(store, 'a1', 'c1', MEDICAL, 'accepted');
    store.sql.run(
      `INSERT INTO case_assignment_mediators (id, origin_office_id, created_at, updated_at, assignment_id, mediator_id, lead)
       VALUES ('am1', 'o', 't', 't', 'a1', 'm1', 1)`,
    );
    // c2: 姚伏镇 registered it and escalated it to the county (pending there).
    insertCase(store, 'c2', YAOFU, `UPDATE cases SET handling_committee_id = '${COUNTY}' WHERE id = ?`);
    assign(store, 'a2', 'c2', COUNTY, 'pending');
    // c3: a village committee under 姚伏镇; c4: transferred from the medical committee to 姚伏镇.
    insertCase(store, 'c3', VILLAGE);
    insertCase(store, 'c4', COUNTY, `UPDATE cases SET handling_committee_id = '${YAOFU}' WHERE id = ?`);
    assign(store, 'a4', 'c4', MEDICAL, 'superseded');
    assign(store, 'a5', 'c4', YAOFU, 'accepted');
    // c5: deleted; it is nobody's.
    insertCase(store, 'c5', COUNTY, `UPDATE cases SET deleted_at = 't' WHERE id = ?`);
    await store.close();

    const migrated = await openStore({ file, key, create: false, migrations });
    expect(migrated.sql.all(`SELECT id, organisation_ids AS orgs FROM users ORDER BY id`)).toEqual([
      { id: 'u1', orgs: JSON.stringify([COUNTY]) },
      { id: 'u2', orgs: JSON.stringify([COUNTY]) },
    ]);
    const scope = (caseId: string) =>
      migrated.sql
        .all<{ principal: string }>(
          `SELECT principal FROM case_scope WHERE case_rowid = (SELECT rowid FROM cases WHERE id = ?) ORDER BY principal`,
          caseId,
        )
        .map((r) => r.principal);
    // The medical committee sits under the county centre: the county sees what its committees hold.
    expect(scope('c1')).toEqual([COUNTY, MEDICAL, 'm1'].sort());
    expect(scope('c2')).toEqual([COUNTY, YAOFU].sort());
    expect(scope('c3')).toEqual([VILLAGE, YAOFU].sort());
    // The sender (medical, and the county above it) keeps reading what it sent on.
    expect(scope('c4')).toEqual([COUNTY, MEDICAL, YAOFU].sort());
    expect(scope('c5')).toEqual([]);
    // Deleting a case takes it out of every scope.
    migrated.sql.run(`UPDATE cases SET deleted_at = 't2' WHERE id = 'c1'`);
    expect(scope('c1')).toEqual([]);
    await migrated.close();
  });

  it('leaves users without an office empty rather than guessing', async () => {
    const before = migrations.slice(0, migrations.indexOf(Scope0007));
    const { store, file, key } = await tempStore({ migrations: before });
    store.sql.run(
      `INSERT INTO users (id, origin_office_id, created_at, updated_at, username, username_key, display_name, roles)
       VALUES ('u1', 'o', 't', 't', 'a', 'a', '某某', '["admin"]')`,
    );
    await store.close();
    const migrated = await openStore({ file, key, create: false, migrations });
    expect(migrated.sql.get(`SELECT organisation_ids AS orgs FROM users`)).toEqual({ orgs: '[]' });
    await migrated.close();
  });
});
