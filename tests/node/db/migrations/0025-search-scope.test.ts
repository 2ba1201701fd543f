import { afterEach, describe, expect, it } from 'vitest';
import type { Store } from '../../../../db';
import { termsInScopeMatch, termsMatch } from '../../../../db/repositories/caseSearch';
import { queryToMatch } from '../../../../main/core/cases/searchTerms';
import { SEED } from '../../../fixtures/builders';
import { removeTempDirs } from '../../../helpers/tempDir';
import { storeBefore } from '../../../helpers/store';

afterEach(removeTempDirs);

const COUNTY = SEED.countyCenterId;
const MEDICAL = SEED.medicalCommitteeId;
const YAOFU = SEED.yaofuCommitteeId;
const ID_NUMBER = '640221197909300023';

function insertCase(store: Store, id: string, committeeId: string, summary: string, handling: string | null) {
  store.sql.run(
    `INSERT INTO cases (id, origin_office_id, created_at, updated_at, case_number, committee_id, number_year, number_seq, status,
       dispute_type, source, township, received_on, received_by, received_by_name, summary, requests, risk_level, party_names,
       handling_number)
     VALUES (?, 'o', 't', 't', ?, ?, 2026, 1, 'mediating', 'contract', 'party_application', '姚伏镇', '2026-11-20', 'u', '李青',
       ?, '请求赔偿', 'normal', '马玉兰 与 乙', ?)`,
    id,
    `平罗调〔2026〕${id}号`,
    committeeId,
    summary,
    handling,
  );
  return Number(store.sql.get<{ r: number }>(`SELECT rowid AS r FROM cases WHERE id = ?`, id)!.r);
}

function addParty(
  store: Store,
  caseId: string,
  partyId: string,
  name: string,
  idNumber: string | null,
  phone: string,
) {
  store.sql.run(
    `INSERT INTO parties (id, origin_office_id, created_at, updated_at, kind, name, id_type, id_number, id_suffix, phone)
     VALUES (?, 'o', 't', 't', 'person', ?, 'resident_id', ?, ?, ?)`,
    partyId,
    name,
    idNumber,
    idNumber?.slice(-4) ?? null,
    phone,
  );
  store.sql.run(
    `INSERT INTO case_parties (id, origin_office_id, created_at, updated_at, case_id, party_id, role, position)
     VALUES (?, 'o', 't', 't', ?, ?, 'applicant', 0)`,
    `link-${caseId}-${partyId}`,
    caseId,
    partyId,
  );
}

describe('migration 0025: the search index knows whose cases it holds', () => {
  it('rewrites every live case with its words and its scope; a search then keeps to the scope', async () => {
    const { store, migrate } = await storeBefore(25);
    const yaofu = insertCase(store, 'c1', YAOFU, '院墙倒塌纠纷', '姚调〔2026〕7号');
    const medical = insertCase(store, 'c2', MEDICAL, '手术费用纠纷', null);
    const voided = insertCase(store, 'c3', YAOFU, '院墙另案', null);
    store.sql.run(`UPDATE cases SET deleted_at = 't' WHERE id = 'c3'`);
    addParty(store, 'c1', 'p1', '马玉兰', ID_NUMBER, '13912345678');
    addParty(store, 'c2', 'p2', '马玉兰', null, '13800001111');
    for (const [principal, rowid] of [
      [YAOFU, yaofu],
      [COUNTY, medical],
      [MEDICAL, medical],
    ] as const)
      store.sql.run(`INSERT INTO case_scope (principal, case_rowid) VALUES (?, ?)`, principal, rowid);
    // The old index: words only.
    store.sql.run(`INSERT INTO case_search (rowid, terms) VALUES (?, '院 墙')`, voided);
    const migrated = await migrate();
    const columns = (migrated.sql.raw.pragma('table_info(case_search)') as { name: string }[]).map(
      (c) => c.name,
    );
    expect(columns).toEqual(['terms', 'scope']);
    const hits = (match: string) =>
      migrated.sql
        .all<{ rowid: number }>(
          `SELECT rowid FROM case_search WHERE case_search MATCH ? ORDER BY rowid`,
          match,
        )
        .map((r) => r.rowid);
    const q = (text: string) => queryToMatch(text)!;
    // The words as intake wrote them: names, numbers (the committee's own too), phones, ID suffix, summary.
    expect(hits(termsMatch(q('玉兰')))).toEqual([yaofu, medical]);
    expect(hits(termsMatch(q('姚调〔2026〕7号')))).toEqual([yaofu]);
    expect(hits(termsMatch(q('5678')))).toEqual([yaofu]);
    expect(hits(termsMatch(q(ID_NUMBER.slice(-4))))).toEqual([yaofu]);
    expect(hits(termsMatch(q('院墙')))).toEqual([yaofu]); // the deleted case is gone from the index
    expect(hits(termsMatch(`"${ID_NUMBER}"`))).toEqual([]); // never a full ID number
    // And each committee's cases: the township's, the county's (it holds the medical committee's).
    expect(hits(termsInScopeMatch(q('玉兰'), [YAOFU]))).toEqual([yaofu]);
    expect(hits(termsInScopeMatch(q('玉兰'), [COUNTY]))).toEqual([medical]);
    expect(hits(termsInScopeMatch(q('玉兰'), [MEDICAL, YAOFU]))).toEqual([yaofu, medical]);
    expect(hits(termsInScopeMatch(q('院墙'), [COUNTY]))).toEqual([]);
    await migrated.close();
  });
});
