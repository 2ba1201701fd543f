import type { MigrationInterface, QueryRunner } from 'typeorm';
import { caseSearchText } from '../../main/core/cases/searchIndex';
import { scopeColumn } from '../repositories/caseSearch';
import { migrationName } from './name';

/**
 * The full-text index gets a second column, `scope`: a token for every organisation or roster
 * mediator whose scope holds the case (db/repositories/caseSearch.ts). A search then asks the
 * index for "these words in a case of mine" and no longer seeks case_scope for each of the
 * county's hits; a deleted case's row goes with its case_scope rows. The index is contentless
 * (it keeps no copy of the words), so it is made anew and every live case's row written again
 * from its parties, numbers and words, a page of cases at a time, exactly as intake writes it
 * (main/core/cases/searchIndex.ts).
 */
export class SearchScope0025 implements MigrationInterface {
  name = migrationName('SearchScope', 25);

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE case_search`);
    await q.query(
      `CREATE VIRTUAL TABLE case_search USING fts5(terms, scope, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0', prefix='3 4')`,
    );
    await reindex(q);
    // A deleted case leaves the index with its case_scope rows (tr_case_scope_deleted, 0007): the
    // search's hits are its scope, so no token may outlive the row it stands for.
    await q.query(
      `CREATE TRIGGER tr_case_search_deleted AFTER UPDATE OF deleted_at ON cases WHEN NEW.deleted_at IS NOT NULL
       BEGIN DELETE FROM case_search WHERE rowid = NEW.rowid; END`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER tr_case_search_deleted`);
    // The words alone, as before; the scope tokens are dropped with the column.
    await q.query(`DROP TABLE case_search`);
    await q.query(
      `CREATE VIRTUAL TABLE case_search USING fts5(terms, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0', prefix='3 4')`,
    );
    await reindex(q, false);
  }
}

interface CaseText {
  rowid: number;
  id: string;
  caseNumber: string;
  summary: string;
  requests: string;
  township: string;
  village: string | null;
  disputeType: string;
  handlingNumber: string | null;
}
interface PartyText {
  caseId: string;
  name: string;
  representative: string | null;
  idNumber: string | null;
  phone: string | null;
  agentName: string | null;
  agentIdNumber: string | null;
  agentPhone: string | null;
}

const PAGE = 2_000;

async function reindex(q: QueryRunner, withScope = true): Promise<void> {
  const types = new Map(
    ((await q.query(`SELECT code, name FROM dispute_types`)) as { code: string; name: string }[]).map((t) => [
      t.code,
      t.name,
    ]),
  );
  for (let after = 0; ;) {
    const cases = (await q.query(
      `SELECT rowid, id, case_number AS caseNumber, summary, requests, township, village,
              dispute_type AS disputeType, handling_number AS handlingNumber
         FROM cases WHERE rowid > ? AND deleted_at IS NULL ORDER BY rowid LIMIT ?`,
      [after, PAGE],
    )) as CaseText[];
    if (cases.length === 0) return;
    after = cases[cases.length - 1]!.rowid;
    const ids = JSON.stringify(cases.map((c) => c.id));
    const parties = (await q.query(
      `SELECT cp.case_id AS caseId, p.name, p.representative, p.id_number AS idNumber, p.phone,
              cp.agent_name AS agentName, cp.agent_id_number AS agentIdNumber, cp.agent_phone AS agentPhone
         FROM case_parties cp JOIN parties p ON p.id = cp.party_id
        WHERE cp.case_id IN (SELECT value FROM json_each(?)) AND cp.deleted_at IS NULL
        ORDER BY cp.case_id, cp.position`,
      [ids],
    )) as PartyText[];
    const principals = (await q.query(
      `SELECT case_rowid AS rowid, principal FROM case_scope WHERE case_rowid BETWEEN ? AND ?`,
      [cases[0]!.rowid, after],
    )) as { rowid: number; principal: string }[];
    const partiesOf = groupBy(parties, (p) => p.caseId);
    const principalsOf = groupBy(principals, (p) => p.rowid);
    for (const c of cases) {
      const terms = caseSearchText(
        c,
        (partiesOf.get(c.id) ?? []).map((p) => ({ party: p, link: p })),
        types.get(c.disputeType) ?? c.disputeType,
        c.handlingNumber ? [c.handlingNumber] : [],
      );
      if (withScope)
        await q.query(`INSERT INTO case_search (rowid, terms, scope) VALUES (?, ?, ?)`, [
          c.rowid,
          terms,
          scopeColumn((principalsOf.get(c.rowid) ?? []).map((p) => p.principal)),
        ]);
      else await q.query(`INSERT INTO case_search (rowid, terms) VALUES (?, ?)`, [c.rowid, terms]);
    }
  }
}

function groupBy<T, K>(rows: T[], key: (row: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = out.get(k);
    if (list) list.push(row);
    else out.set(k, [row]);
  }
  return out;
}
