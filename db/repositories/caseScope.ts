import type { CaseScopedKind } from '../../main/contract';
import type { DbHandle } from '../dataSource';
import { markScopeGrown } from './caseSearch';

// Which cases an organisation or a roster mediator may see (migration 0007): one row per
// (principal, case rowid). An organisation gets a row for every case it has held (registered,
// handled, dispatched, transferred or escalated to it) and so does every organisation above it
// in the tree, so "this organisation and everything under it" is one equality on principal. A
// mediator gets a row for every case they were assigned to. Rows are added as a case moves on (a
// sender keeps read access); a dispatch its committee returned takes that committee's and its
// mediators' rows away again, and the tree changing rebuilds the cases it touches. The
// repositories that write the source rows (cases.insert, workflow.insertAssignment and
// insertAssignmentMediator) add the rows in the same transaction; a trigger drops the rows of
// a deleted case, so the table holds live cases only and counts never need the cases table.
//
// Who may see what is decided in main/core/scope; this file only keeps and reads the index.

/** The principals one user's scope is looked up by (organisations without their descendants, and a mediator). */
export type ScopePrincipals = readonly string[];

/**
 * The assignments that bring their committee and mediators into the case's scope: every one but
 * a dispatch its committee returned (退回), which was only ever pending there (issue 9). One
 * that was taken, or passed on by its committee, keeps it reading as a sender.
 */
const heldAssignment = `a.state <> 'returned'`;

const up = `WITH RECURSIVE up(id) AS (
  SELECT ? UNION SELECT o.parent_id FROM organisations o JOIN up ON o.id = up.id WHERE o.parent_id IS NOT NULL)`;

/**
 * A condition on a case's rowid (e.g. `cases.rowid`, `c.rowid`): "in the scope of these
 * principals". A point look-up in case_scope per case tested. Every query that lists, counts or
 * searches cases for a user puts it in its WHERE clause.
 */
export function inScope(rowid: string, principals: ScopePrincipals): { sql: string; params: string[] } {
  // One principal: a single seek in the primary key. Several (a county 领导 holds every top-level
  // organisation): one seek on the case's few rows (ix_case_scope_case), testing each principal
  // against the list ("+" keeps the planner from probing the index once per principal, which
  // made a year's figures at 100,000 cases four times slower).
  if (principals.length === 1)
    return {
      sql: `EXISTS (SELECT 1 FROM case_scope s WHERE s.principal = ? AND s.case_rowid = ${rowid})`,
      params: [...principals],
    };
  return {
    sql: `EXISTS (SELECT 1 FROM case_scope s INDEXED BY ix_case_scope_case
                   WHERE s.case_rowid = ${rowid} AND +s.principal IN (${principals.map(() => '?').join(', ')}))`,
    params: [...principals],
  };
}

/** The rowids of the cases in scope, each once (a CTE body for queries driven by the scope). */
export function scopeRowids(principals: ScopePrincipals): { sql: string; params: string[] } {
  return principals.length === 1
    ? { sql: 'SELECT case_rowid AS rid FROM case_scope WHERE principal = ?', params: [...principals] }
    : {
        sql: `SELECT DISTINCT case_rowid AS rid FROM case_scope WHERE principal IN (${principals.map(() => '?').join(', ')})`,
        params: [...principals],
      };
}

const rowsOf: Record<Exclude<CaseScopedKind, 'case' | 'party'>, string> = {
  caseParty: 'case_parties',
  document: 'document_versions',
  scan: 'document_scans',
  attachment: 'attachments',
  record: 'case_records',
};

export class CaseScopeRepository {
  constructor(private readonly db: DbHandle) {}

  /**
   * The organisation and every organisation above it may now see the case. New rows mark the case
   * for its search row to be rewritten before the transaction commits (caseSearch.ts).
   */
  grantOrganisation(caseId: string, organisationId: string, caseRowid?: number): void {
    const added = this.db.sql.run(
      `INSERT OR IGNORE INTO case_scope (principal, case_rowid) ${up}
       SELECT up.id, c.rowid FROM up, cases c WHERE c.id = ? AND c.deleted_at IS NULL`,
      organisationId,
      caseId,
    ).changes;
    if (added > 0) this.markGrown(caseId, caseRowid);
  }

  /** The roster mediator may now see the case (they were assigned to it). */
  grantMediator(caseId: string, mediatorId: string): void {
    const added = this.db.sql.run(
      `INSERT OR IGNORE INTO case_scope (principal, case_rowid)
       SELECT ?, rowid FROM cases WHERE id = ? AND deleted_at IS NULL`,
      mediatorId,
      caseId,
    ).changes;
    if (added > 0) this.markGrown(caseId);
  }

  private markGrown(caseId: string, caseRowid?: number): void {
    const rowid =
      caseRowid ?? this.db.sql.get<{ r: number }>(`SELECT rowid AS r FROM cases WHERE id = ?`, caseId)?.r;
    if (rowid !== undefined) markScopeGrown(this.db.sql, rowid);
  }

  /** Whether the case is in scope. */
  contains(principals: ScopePrincipals, caseId: string): boolean {
    if (principals.length === 0) return false;
    const test = inScope('c.rowid', principals);
    return (
      this.db.sql.get(
        `SELECT 1 FROM cases c WHERE c.id = ? AND c.deleted_at IS NULL AND ${test.sql}`,
        caseId,
        ...test.params,
      ) !== undefined
    );
  }

  /** How many cases are in scope. */
  count(principals: ScopePrincipals): number {
    if (principals.length === 0) return 0;
    const rows = scopeRowids(principals);
    return (
      this.db.sql.get<{ n: number }>(`SELECT count(*) AS n FROM (${rows.sql}) counted`, ...rows.params)?.n ??
      0
    );
  }

  /** Whether more than `limit` cases are in scope, reading at most limit + 1 rows. */
  exceeds(principals: ScopePrincipals, limit: number): boolean {
    const rows = scopeRowids(principals);
    const n = this.db.sql.get<{ n: number }>(
      `SELECT count(*) AS n FROM (${rows.sql} LIMIT ?) counted`,
      ...rows.params,
      limit + 1,
    )?.n;
    return (n ?? 0) > limit;
  }

  /** The case an id of one of the case's own records belongs to (undefined: no such record). */
  caseIdOf(kind: Exclude<CaseScopedKind, 'case' | 'party'>, id: string): string | undefined {
    return this.db.sql.get<{ caseId: string }>(
      `SELECT case_id AS caseId FROM ${rowsOf[kind]} WHERE id = ? AND deleted_at IS NULL`,
      id,
    )?.caseId;
  }

  /** Whether the party appears in a case in scope: parties are seen only through cases. */
  partyVisible(principals: ScopePrincipals, partyId: string): boolean {
    if (principals.length === 0) return false;
    const test = inScope('c.rowid', principals);
    return (
      this.db.sql.get(
        `SELECT 1 FROM case_parties cp JOIN cases c ON c.id = cp.case_id AND c.deleted_at IS NULL
          WHERE cp.party_id = ? AND cp.deleted_at IS NULL AND ${test.sql} LIMIT 1`,
        partyId,
        ...test.params,
      ) !== undefined
    );
  }

  /** Whether the mediator is on the assignment in force (pending or accepted) of the case. */
  isAssigned(caseId: string, mediatorId: string): boolean {
    return (
      this.db.sql.get(
        `SELECT 1 FROM case_assignments a
           JOIN case_assignment_mediators am ON am.assignment_id = a.id AND am.deleted_at IS NULL
          WHERE a.case_id = ? AND a.state IN ('pending', 'accepted') AND a.deleted_at IS NULL AND am.mediator_id = ?`,
        caseId,
        mediatorId,
      ) !== undefined
    );
  }

  /**
   * What a user's committee scope is made of, in one statement (read on every call: at the county
   * centre each statement is a round trip to the server): the user's own organisations in the
   * order 用户管理 keeps them, everything under each (as under() gives it), and the roster entry
   * the account acts as, if any.
   */
  reachOf(userId: string): {
    own: string[];
    under: { id: string; root: string }[];
    mediatorId: string | null;
  } {
    const rows = this.db.sql.all<{ kind: 'own' | 'under' | 'mediator'; id: string; root: string | null }>(
      `WITH RECURSIVE own(pos, id) AS (
         SELECT j.key, j.value FROM users u, json_each(u.organisation_ids) j WHERE u.id = ? AND u.deleted_at IS NULL),
       sub(id, root) AS (
         SELECT id, id FROM own
         UNION SELECT o.id, sub.root FROM organisations o JOIN sub ON o.parent_id = sub.id)
       SELECT kind, id, root FROM (
         SELECT 'own' AS kind, id, NULL AS root, pos FROM own
         UNION ALL SELECT 'under', id, root, NULL FROM sub
         UNION ALL SELECT 'mediator', id, NULL, NULL FROM mediators WHERE user_id = ? AND deleted_at IS NULL) reach
       ORDER BY kind, pos`,
      userId,
      userId,
    );
    const own: string[] = [];
    const under: { id: string; root: string }[] = [];
    let mediatorId: string | null = null;
    for (const r of rows) {
      if (r.kind === 'own') own.push(r.id);
      else if (r.kind === 'under') under.push({ id: r.id, root: r.root! });
      else mediatorId ??= r.id;
    }
    return { own, under, mediatorId };
  }

  /**
   * Organisations under these (and these), each with the one of `roots` it is under. Used to
   * expand a user's organisations into their scope, and to drop an organisation that another of
   * theirs already covers.
   */
  under(roots: readonly string[]): { id: string; root: string }[] {
    if (roots.length === 0) return [];
    return this.db.sql.all(
      `WITH RECURSIVE sub(id, root) AS (
         SELECT value, value FROM json_each(?)
         UNION SELECT o.id, sub.root FROM organisations o JOIN sub ON o.parent_id = sub.id)
       SELECT id, root FROM sub`,
      JSON.stringify(roots),
    );
  }

  /**
   * After an organisation moved in the tree: the rows of every case it (or anything under it)
   * has held are derived again from the cases and their assignments, under the tree as it now is.
   */
  rebuildAround(organisationId: string): number {
    const affected = this.db.sql
      .all<{ rid: number }>(`SELECT case_rowid AS rid FROM case_scope WHERE principal = ?`, organisationId)
      .map((r) => r.rid);
    for (const rid of affected) this.rebuildCase(rid);
    return affected.length;
  }

  /** The case's rows derived again from the case and its assignments (an imported case). */
  rebuildCaseById(caseId: string): void {
    const rowid = this.db.sql.get<{ r: number }>(`SELECT rowid AS r FROM cases WHERE id = ?`, caseId)?.r;
    if (rowid !== undefined) this.rebuildCase(rowid);
  }

  private rebuildCase(rowid: number): void {
    const c = this.db.sql.get<{ id: string; committeeId: string; handling: string | null }>(
      `SELECT id, committee_id AS committeeId, handling_committee_id AS handling FROM cases WHERE rowid = ? AND deleted_at IS NULL`,
      rowid,
    );
    this.db.sql.run(`DELETE FROM case_scope WHERE case_rowid = ?`, rowid);
    if (!c) return;
    // Rows may also have gone (the tree moved): the search row's tokens follow in any case.
    markScopeGrown(this.db.sql, rowid);
    const held = new Set([c.committeeId, ...(c.handling ? [c.handling] : [])]);
    for (const a of this.db.sql.all<{ committeeId: string }>(
      `SELECT committee_id AS committeeId FROM case_assignments a WHERE case_id = ? AND deleted_at IS NULL AND ${heldAssignment}`,
      c.id,
    ))
      held.add(a.committeeId);
    for (const organisationId of held) this.grantOrganisation(c.id, organisationId);
    for (const m of this.db.sql.all<{ mediatorId: string }>(
      `SELECT DISTINCT am.mediator_id AS mediatorId FROM case_assignments a
         JOIN case_assignment_mediators am ON am.assignment_id = a.id AND am.deleted_at IS NULL
        WHERE a.case_id = ? AND a.deleted_at IS NULL AND ${heldAssignment}`,
      c.id,
    ))
      this.grantMediator(c.id, m.mediatorId);
  }
}
