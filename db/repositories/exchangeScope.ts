import type { RowTable } from '../../main/contract/exchange/records';

// Which of a table's rows go to a peer (issue 14), as an SQL condition on the row `r`:
// - the catalogue and the ledgers an office keeps go from the office that owns them (the
//   county's organisation rows, dispute types and shared settings; a township's own rows and
//   village committees; the screening logs, 不予受理 records and reviews an office wrote),
//   screening logs and 不予受理 records only for the township's committees;
// - a case and everything recorded on it go when the case is in the township's scope: the
//   township is this office when it sends to the county, and the peer when the county sends to
//   it. The roster goes with them: the mediators this office keeps (a township) or the ones
//   named on the assignments of those cases (the county). A case link goes when both its cases do.

export interface RowsQuery {
  peerOfficeId: string;
  /** This office (the rows it owns). */
  ownOfficeId: string;
  /** The township whose cases move (this office or the peer). */
  township: string;
  /** The township and the organisations under it. */
  townshipOrganisations: readonly string[];
  /** true when this office is the township: it sends its whole roster. */
  townshipSends: boolean;
  /**
   * The peer restored a backup and asked for everything again: the rows it owns that we hold go
   * back too (its catalogue rows and roster as far as they are ours to hold), else our answer
   * could name what it lost.
   */
  returnsPeersOwn?: boolean;
}

/** The column a table's records are known by (their `id` in a package). */
export const keyColumn: Partial<Record<RowTable, string>> = { dispute_types: 'code', settings: 'key' };
export const keyOf = (table: RowTable) => keyColumn[table] ?? 'id';

/** The settings a county decides for all (the rest of the table is each installation's own). */
export const sharedSettingsSql = (keys: readonly string[]) =>
  keys.map((k) => `'${k.replace(/'/g, '')}'`).join(', ');

/**
 * The case is the township's to share (one `?`: the township's committee): in its scope, or
 * dispatched to it and returned (退回). A returned case leaves the township's scope (its users no
 * longer see it), but the return itself must still reach the county, and the county may send the
 * case down to it again.
 */
export const caseInScope = (caseId: string) =>
  `EXISTS (SELECT 1 FROM organisations t JOIN cases c ON c.id = ${caseId} WHERE t.id = ? AND (
     EXISTS (SELECT 1 FROM case_scope s WHERE s.case_rowid = c.rowid AND s.principal = t.id)
     OR EXISTS (SELECT 1 FROM case_assignments ra JOIN organisations o ON o.id = ra.committee_id
                 WHERE ra.case_id = c.id AND ra.state = 'returned' AND ra.deleted_at IS NULL AND o.township = t.township)))`;
const assignedInScope = (mediatorId: string) =>
  `EXISTS (SELECT 1 FROM case_assignment_mediators am JOIN case_assignments a ON a.id = am.assignment_id
     WHERE am.mediator_id = ${mediatorId} AND ${caseInScope('a.case_id')})`;
const organisationIn = (column: string) => `${column} IN (SELECT value FROM json_each(?))`;

export function scopeFilter(
  table: RowTable,
  q: RowsQuery,
  sharedSettings: readonly string[],
): { sql: string; params: unknown[] } {
  const own = q.ownOfficeId;
  const orgs = JSON.stringify(q.townshipOrganisations);
  // Ours, or (answering the peer's restore) ours or the peer's.
  const owners = q.returnsPeersOwn
    ? { sql: 'r.origin_office_id IN (?, ?)', params: [own, q.peerOfficeId] }
    : { sql: 'r.origin_office_id = ?', params: [own] };
  switch (table) {
    case 'dispute_types':
    case 'organisations':
      return owners;
    case 'settings':
      return {
        sql: `${owners.sql} AND r.key IN (${sharedSettingsSql(sharedSettings)})`,
        params: owners.params,
      };
    case 'mediators':
    case 'mediator_memberships': {
      const mediator = table === 'mediators' ? 'r.id' : 'r.mediator_id';
      // The township sends its whole roster; the county the mediators its assignments in the
      // township's scope name. The peer's own, going back: the township's whole roster, or the
      // county's mediators the township's cases name.
      const ours = q.townshipSends
        ? { sql: 'r.origin_office_id = ?', params: [own] }
        : { sql: `r.origin_office_id = ? AND ${assignedInScope(mediator)}`, params: [own, q.township] };
      if (!q.returnsPeersOwn) return ours;
      const theirs = q.townshipSends
        ? {
            sql: `r.origin_office_id = ? AND ${assignedInScope(mediator)}`,
            params: [q.peerOfficeId, q.township],
          }
        : { sql: 'r.origin_office_id = ?', params: [q.peerOfficeId] };
      return { sql: `((${ours.sql}) OR (${theirs.sql}))`, params: [...ours.params, ...theirs.params] };
    }
    case 'cases':
      return { sql: caseInScope('r.id'), params: [q.township] };
    case 'parties':
      return {
        sql: `EXISTS (SELECT 1 FROM case_parties cp WHERE cp.party_id = r.id AND ${caseInScope('cp.case_id')})`,
        params: [q.township],
      };
    case 'case_assignment_mediators':
      return {
        sql: `EXISTS (SELECT 1 FROM case_assignments a WHERE a.id = r.assignment_id AND ${caseInScope('a.case_id')})`,
        params: [q.township],
      };
    case 'dossier_archives':
      return {
        sql: `EXISTS (SELECT 1 FROM dossiers d WHERE d.id = r.dossier_id AND ${caseInScope('d.case_id')})`,
        params: [q.township],
      };
    case 'dossier_reviews':
      return { sql: `r.origin_office_id = ? AND ${caseInScope('r.case_id')}`, params: [own, q.township] };
    case 'case_links':
      // Only when the peer holds the related case too (a county case linked to two townships'
      // cases goes down to neither's link of the other).
      return {
        sql: `${caseInScope('r.case_id')} AND ${caseInScope('r.related_case_id')}`,
        params: [q.township, q.township],
      };
    case 'screening_rounds':
    case 'screening_analyses':
    case 'intake_refusals':
      return {
        sql: `r.origin_office_id = ? AND ${organisationIn('r.organisation_id')}`,
        params: [own, orgs],
      };
    case 'screening_findings':
      return {
        sql: `r.origin_office_id = ? AND EXISTS (SELECT 1 FROM screening_rounds sr
                WHERE sr.id = r.round_id AND ${organisationIn('sr.organisation_id')})`,
        params: [own, orgs],
      };
    default:
      return { sql: caseInScope('r.case_id'), params: [q.township] };
  }
}

/**
 * Tables whose rows refer to rows of the same table go whole, in one page, parents first: the
 * organisation tree (a committee after the one above it) and the dispute types (the 18
 * statistical types before the local ones mapped onto them). Both are a few hundred rows.
 */
export const wholeTableOrder: Partial<Record<RowTable, { with: string; order: string }>> = {
  organisations: {
    with: `WITH RECURSIVE tree(id, depth) AS (
      SELECT id, 0 FROM organisations WHERE parent_id IS NULL
      UNION ALL SELECT o.id, tree.depth + 1 FROM organisations o JOIN tree ON o.parent_id = tree.id WHERE tree.depth < 20)`,
    order: '(SELECT max(depth) FROM tree WHERE tree.id = r.id), r.id',
  },
  dispute_types: { with: '', order: 'r.official_code IS NOT NULL, r.code' },
};
