import type { StatisticDimension, StatisticMeasure, StatisticSlice } from '../../main/contract';
import type { DbHandle } from '../dataSource';
import { inScope, type ScopePrincipals } from './caseScope';
import { statisticFigures } from './statisticFigures';

// 统计分析 (issue 15). Every figure is the number of cases received in the period, in the user's
// scope, not voided, that meet one condition below; the dashboard sums the conditions in one pass
// (GROUP BY the slice), and the drill-down lists the rowids meeting the same condition, so the
// count and the list cannot disagree. The conditions read the case row, its agreement (at most
// one live, ux_agreements_case) and point look-ups by case id in indexed tables.

/** What the conditions are judged against: the as-of day and the mediation limits (settings). */
export interface StatisticParams {
  scope: ScopePrincipals;
  from: string;
  to: string;
  /** The day overdue and due visits are judged on. */
  asOf: string;
  limits: { ordinary: number; entrustedOrdinary: number; entrustedSummary: number };
}

const visit = (condition: string) =>
  `EXISTS (SELECT 1 FROM return_visits v WHERE v.case_id = c.id AND v.deleted_at IS NULL AND ${condition})`;
const open = `c.status IN ('accepted', 'dispatched', 'mediating')`;

/** The condition of each measure on `c` (the case), `ag` (its live agreement, if any) and `k` (the parameters). */
export const measureSql: Record<StatisticMeasure, string> = {
  accepted: '1 = 1',
  // Every case that reached a mediator's hands: not waiting, not sent elsewhere.
  mediated: `c.status NOT IN ('accepted', 'dispatched', 'transferred')`,
  succeeded: 'ag.id IS NOT NULL',
  written: `ag.kind = 'written'`,
  oral: `ag.kind = 'oral'`,
  performed: `ag.id IS NOT NULL AND ${visit(`v.performance_status = 'performed'`)}`,
  // A visit is due once its day has come (or it was made early).
  visitDue: `ag.id IS NOT NULL AND ${visit('(v.visited_on IS NOT NULL OR v.due_on <= k.as_of)')}`,
  visited: `ag.id IS NOT NULL AND ${visit('v.visited_on IS NOT NULL')}`,
  // Applied: the desk printed the application, or a court's answer to one is recorded (the
  // parties may have applied orally at the court).
  confirmationApplied: `(ag.confirmation_outcome IS NOT NULL OR EXISTS (SELECT 1 FROM document_versions d WHERE d.case_id = c.id AND d.kind = 'confirmation-application' AND d.deleted_at IS NULL))`,
  // The court ruled the agreement valid (migration 0017).
  confirmationConfirmed: `ag.confirmation_outcome = 'confirmed'`,
  withAmount: 'ag.amount_fen > 0',
  // Settled without going up to a higher committee (小事不出村、大事不出镇).
  local: `ag.id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM case_assignments e WHERE e.case_id = c.id AND e.kind = 'escalation' AND e.deleted_at IS NULL)`,
  criminalPrevented: `ag.id IS NOT NULL AND c.risk_flags LIKE '%"criminal"%'`,
  open,
  overdue: `${open} AND COALESCE(c.mediation_deadline, date(c.received_on, '+' || (CASE
      WHEN c.source = 'court_entrusted' AND c.court_procedure = 'summary' THEN k.summ
      WHEN c.source = 'court_entrusted' THEN k.ord ELSE k.lim END) || ' days')) < k.as_of`,
};

const persons = `(SELECT count(*) FROM case_parties cp WHERE cp.case_id = c.id AND cp.deleted_at IS NULL)`;

/** The slice key of each dimension (mediator: the mediators of the accepted assignment). */
const keySql: Record<StatisticDimension, string> = {
  committee: 'COALESCE(c.handling_committee_id, c.committee_id)',
  township: 'c.township',
  disputeType: 'c.dispute_type',
  source: 'c.source',
  month: 'substr(c.received_on, 1, 7)',
  mediator: 'am.mediator_id',
};

const mediatorJoin = `LEFT JOIN case_assignments a ON a.case_id = c.id AND a.state = 'accepted' AND a.deleted_at IS NULL
  LEFT JOIN case_assignment_mediators am ON am.assignment_id = a.id AND am.deleted_at IS NULL`;

const mediatorOf = (test: string) =>
  `EXISTS (SELECT 1 FROM case_assignments a JOIN case_assignment_mediators am ON am.assignment_id = a.id AND am.deleted_at IS NULL
     WHERE a.case_id = c.id AND a.state = 'accepted' AND a.deleted_at IS NULL${test})`;

/** The conditions of a slice (" AND …" each), as the drill-down and a filtered table use them. */
function sliceConditions(slice: StatisticSlice): Statement {
  const extra: string[] = [];
  const params: unknown[] = [];
  const equal: [keyof StatisticSlice, StatisticDimension][] = [
    ['committeeId', 'committee'],
    ['township', 'township'],
    ['disputeType', 'disputeType'],
    ['source', 'source'],
    ['month', 'month'],
  ];
  for (const [field, dimension] of equal) {
    if (slice[field] === undefined) continue;
    extra.push(`${keySql[dimension]} = ?`);
    params.push(slice[field]);
  }
  if (slice.mediatorId === null) extra.push(`NOT ${mediatorOf('')}`);
  else if (slice.mediatorId !== undefined) {
    extra.push(mediatorOf(' AND am.mediator_id = ?'));
    params.push(slice.mediatorId);
  }
  return { sql: extra.map((e) => ` AND ${e}`).join(''), params };
}

export interface StatisticRow {
  key: string | null;
  counts: Record<StatisticMeasure, number>;
  amountFen: number;
  persons: number;
}

/** The parameters row the conditions read (its four values lead every statement's parameters). */
const withK = 'WITH k(as_of, lim, ord, summ) AS (SELECT ?, ?, ?, ?)';

interface Statement {
  sql: string;
  params: unknown[];
}

/** What a computation's figures depend on besides the data (statisticFigures.ts). */
const figuresKey = (p: StatisticParams) => JSON.stringify([p.scope, p.from, p.to, p.asOf, p.limits]);

export class StatisticsRepository {
  constructor(private readonly db: DbHandle) {}

  /** The cases of the period in scope, with their agreement and the parameters row `k`. */
  private cohort(p: StatisticParams, join = ''): Statement {
    const scope = inScope('c.rowid', p.scope);
    return {
      sql: `FROM k, cases c INDEXED BY ix_cases_received
        LEFT JOIN agreements ag ON ag.case_id = c.id AND ag.deleted_at IS NULL
        ${join}
        WHERE c.deleted_at IS NULL AND c.received_on >= ? AND c.received_on <= ? AND c.status <> 'voided'
          AND ${scope.sql}`,
      params: [
        p.asOf,
        p.limits.ordinary,
        p.limits.entrustedOrdinary,
        p.limits.entrustedSummary,
        p.from,
        p.to,
        ...scope.params,
      ],
    };
  }

  private figures(): string {
    const sums = Object.entries(measureSql).map(
      ([m, condition]) => `sum(CASE WHEN ${condition} THEN 1 ELSE 0 END) AS "${m}"`,
    );
    return `${sums.join(',\n ')},
      sum(CASE WHEN ${measureSql.withAmount} THEN ag.amount_fen ELSE 0 END) AS amount_fen,
      sum(CASE WHEN ${measureSql.criminalPrevented} THEN ${persons} ELSE 0 END) AS persons`;
  }

  private static row(r: Record<string, unknown>): StatisticRow {
    const counts = Object.fromEntries(Object.keys(measureSql).map((m) => [m, Number(r[m] ?? 0)])) as Record<
      StatisticMeasure,
      number
    >;
    return {
      key: (r.key as string | null) ?? null,
      counts,
      amountFen: Number(r.amount_fen ?? 0),
      persons: Number(r.persons ?? 0),
    };
  }

  /** The figures per slice of the dimension (only slices with cases). */
  slices(p: StatisticParams, dimension: StatisticDimension, within: StatisticSlice = {}): StatisticRow[] {
    if (p.scope.length === 0) return [];
    const base = this.cohort(p, dimension === 'mediator' ? mediatorJoin : '');
    const filter = sliceConditions(within);
    const rows = this.db.sql
      .all<Record<string, unknown>>(
        `${withK} SELECT ${keySql[dimension]} AS key, ${this.figures()} ${base.sql}${filter.sql} GROUP BY 1 ORDER BY 1`,
        ...base.params,
        ...filter.params,
      )
      .map((r) => StatisticsRepository.row(r));
    if (filter.sql === '') statisticFigures(this.db.sql).remember(figuresKey(p), dimension, rows);
    return rows;
  }

  /**
   * The number of cases behind one figure when the dashboard has just computed it (the data
   * unchanged since): the drill-down's total without evaluating the figure again. Undefined
   * otherwise.
   */
  knownCount(p: StatisticParams, measure: StatisticMeasure, slice: StatisticSlice = {}): number | undefined {
    return statisticFigures(this.db.sql).count(figuresKey(p), measure, slice);
  }

  /** The figures over the whole period (each case once). */
  total(p: StatisticParams, within: StatisticSlice = {}): StatisticRow {
    if (p.scope.length === 0) return StatisticsRepository.row({ key: null });
    const base = this.cohort(p);
    const filter = sliceConditions(within);
    const r = this.db.sql.get<Record<string, unknown>>(
      `${withK} SELECT NULL AS key, ${this.figures()} ${base.sql}${filter.sql}`,
      ...base.params,
      ...filter.params,
    );
    const row = StatisticsRepository.row(r ?? { key: null });
    if (filter.sql === '') statisticFigures(this.db.sql).remember(figuresKey(p), null, [row]);
    return row;
  }

  /**
   * The rowids of the cases behind one figure: a subquery for the case list's WHERE clause
   * (db/repositories/caseList.ts), with its parameters.
   */
  rowids(p: StatisticParams, measure: StatisticMeasure, slice: StatisticSlice = {}): Statement {
    const base = this.cohort(p);
    const within = sliceConditions(slice);
    return {
      sql: `${withK} SELECT c.rowid ${base.sql} AND ${measureSql[measure]}${within.sql}`,
      params: [...base.params, ...within.params],
    };
  }

  /** A plain GROUP BY of the same counts without the scope test or conditions' sharing (the bench's yardstick). */
  plainCounts(from: string, to: string): { key: string; n: number }[] {
    return this.db.sql.all(
      `SELECT COALESCE(handling_committee_id, committee_id) AS key, count(*) AS n FROM cases
        WHERE deleted_at IS NULL AND received_on >= ? AND received_on <= ? AND status <> 'voided' GROUP BY 1`,
      from,
      to,
    );
  }

  /** 数据质量: cases that read as successful without an agreement, agreements without a deadline. */
  qualityIssues(
    p: Pick<StatisticParams, 'scope' | 'from' | 'to'>,
    limit: number,
  ): {
    kind: 'succeededWithoutAgreement' | 'agreementWithoutDeadline';
    caseId: string;
    caseNumber: string;
    partyNames: string;
    receivedOn: string;
  }[] {
    if (p.scope.length === 0) return [];
    const scope = inScope('c.rowid', p.scope);
    return this.db.sql.all(
      `SELECT kind, caseId, caseNumber, partyNames, receivedOn FROM (
         SELECT CASE WHEN ag.id IS NULL THEN 'succeededWithoutAgreement' ELSE 'agreementWithoutDeadline' END AS kind,
                c.id AS caseId, c.case_number AS caseNumber, c.party_names AS partyNames, c.received_on AS receivedOn
           FROM cases c INDEXED BY ix_cases_received
           LEFT JOIN agreements ag ON ag.case_id = c.id AND ag.deleted_at IS NULL
           LEFT JOIN case_outcomes o ON o.case_id = c.id AND o.deleted_at IS NULL
          WHERE c.deleted_at IS NULL AND c.received_on >= ? AND c.received_on <= ? AND ${scope.sql}
            AND ((ag.id IS NULL AND (c.status IN ('succeeded', 'performing', 'visited')
                   OR (c.status IN ('closed', 'archived') AND o.termination_kind IS NULL AND o.referral_route IS NULL)))
              OR (ag.id IS NOT NULL AND trim(COALESCE(ag.performance_deadline, '')) = ''))) flagged
        ORDER BY receivedOn, caseNumber LIMIT ?`,
      p.from,
      p.to,
      ...scope.params,
      limit,
    );
  }
}

// ── 月报 报送 (migration 0013) ──

export interface MonthlyReturnRow {
  id: string;
  month: string;
  committeeId: string | null;
  figures: string;
  submittedBy: string;
  submittedByName: string;
  submittedAt: string;
}

export class MonthlyReturnRepository {
  constructor(private readonly db: DbHandle) {}

  /** The submitted return of the month (committeeId null: the consolidated one). */
  find(month: string, committeeId: string | null): MonthlyReturnRow | undefined {
    return this.db.sql.get<MonthlyReturnRow>(
      `SELECT id, month, committee_id AS committeeId, figures, submitted_by AS submittedBy,
              submitted_by_name AS submittedByName, submitted_at AS submittedAt
         FROM monthly_returns WHERE month = ? AND COALESCE(committee_id, '') = ? AND deleted_at IS NULL`,
      month,
      committeeId ?? '',
    );
  }

  insert(row: MonthlyReturnRow & { originOfficeId: string }): void {
    this.db.sql.run(
      `INSERT INTO monthly_returns (id, origin_office_id, created_at, updated_at, month, committee_id, figures,
         submitted_by, submitted_by_name, submitted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      row.id,
      row.originOfficeId,
      row.submittedAt,
      row.submittedAt,
      row.month,
      row.committeeId,
      row.figures,
      row.submittedBy,
      row.submittedByName,
      row.submittedAt,
    );
  }
}
