import { afterEach, describe, expect, it } from 'vitest';
import { migrations, openStore, type Store } from '../../../../db';
import { ReturnedDispatchScope0027 } from '../../../../db/migrations/0027-returned-dispatch-scope';
import { scopeColumn, scopeToken } from '../../../../db/repositories/caseSearch';
import { SEED } from '../../../fixtures/builders';
import { removeTempDirs } from '../../../helpers/tempDir';
import { tempStore } from '../../../helpers/store';

afterEach(removeTempDirs);

const COUNTY = SEED.countyCenterId;
const YAOFU = SEED.yaofuCommitteeId;

const principals = (store: Store) =>
  store.sql
    .all<{ principal: string }>(`SELECT principal FROM case_scope ORDER BY principal`)
    .map((r) => r.principal);
/** The cases the search index files under this principal's scope token. */
const found = (store: Store, principal: string) =>
  store.sql.all(`SELECT rowid FROM case_search WHERE case_search MATCH ?`, `scope : ${scopeToken(principal)}`)
    .length;

describe('migration 0027: a returned dispatch leaves its committee’s scope', () => {
  it('takes the returning committee and its mediator out of the case’s scope and search row, and keeps the rest', async () => {
    const { store, file, key } = await tempStore({
      migrations: migrations.slice(0, migrations.indexOf(ReturnedDispatchScope0027)),
    });
    // The county registered the case and dispatched it to 姚伏镇 with 马秀英; 姚伏镇 returned it.
    store.sql.run(
      `INSERT INTO cases (id, origin_office_id, created_at, updated_at, case_number, committee_id, number_year, number_seq, status,
         dispute_type, source, township, received_on, received_by, received_by_name, summary, requests, risk_level, party_names)
       VALUES ('c1', 'o', 't', 't', 'N-1', ?, 2026, 1, 'accepted', 'contract', 'party_application', '姚伏镇', '2026-11-20',
         'u', '李青', '某纠纷', '请求', 'normal', '甲 与 乙')`,
      COUNTY,
    );
    store.sql.run(
      `INSERT INTO mediators (id, origin_office_id, created_at, updated_at, kind, name, employment, grade)
       VALUES ('m1', 'o', 't', 't', 'mediator', '马秀英', 'full_time', 'first')`,
    );
    store.sql.run(
      `INSERT INTO case_assignments (id, origin_office_id, created_at, updated_at, case_id, committee_id, mode, state, kind,
         dispatched_by, dispatched_by_name, dispatched_at) VALUES ('a1', 'o', 't', 't', 'c1', ?, 'assigned', 'returned', 'dispatch', 'u', '杨', 't')`,
      YAOFU,
    );
    store.sql.run(
      `INSERT INTO case_assignment_mediators (id, origin_office_id, created_at, updated_at, assignment_id, mediator_id, lead)
       VALUES ('am1', 'o', 't', 't', 'a1', 'm1', 1)`,
    );
    // As the desk left it before: rows (and search tokens) for all three.
    const rowid = store.sql.get<{ r: number }>(`SELECT rowid AS r FROM cases WHERE id = 'c1'`)!.r;
    for (const p of [COUNTY, YAOFU, 'm1'])
      store.sql.run(`INSERT INTO case_scope (principal, case_rowid) VALUES (?, ?)`, p, rowid);
    store.sql.run(
      `INSERT INTO case_search (rowid, terms, scope) VALUES (?, '某纠纷', ?)`,
      rowid,
      scopeColumn([COUNTY, YAOFU, 'm1']),
    );
    expect(found(store, YAOFU)).toBe(1);
    await store.close();

    const migrated = await openStore({ file, key, create: false, migrations });
    expect(principals(migrated)).toEqual([COUNTY]);
    expect(found(migrated, COUNTY)).toBe(1);
    expect(found(migrated, YAOFU)).toBe(0);
    expect(found(migrated, 'm1')).toBe(0);
    await migrated.close();
  });
});
