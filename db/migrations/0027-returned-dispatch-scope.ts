import type Database from 'better-sqlite3-multiple-ciphers';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { rewriteSearchRow } from '../../main/core/cases/searchRow';
import { repositories } from '../repositories';
import { Sql } from '../sql';
import { migrationName } from './name';

/**
 * A committee that returned (退回) a case it was dispatched no longer sees it (issue 9: a case is
 * in scope while dispatched and pending). Until now its rows in case_scope stayed, and its
 * mediators' too. Every case with a returned dispatch gets its scope derived again, as the desk
 * now derives it (db/repositories/caseScope.ts), and its search row rewritten with the scope
 * tokens that remain.
 */

/** The desk's repositories on the migration's connection (inside its transaction), and the dispute types' names. */
function desk(q: QueryRunner) {
  const raw = (q.connection.driver as unknown as { databaseConnection: Database.Database })
    .databaseConnection;
  const repos = repositories({ sql: new Sql(raw) });
  return { repos, names: repos.catalog.names().disputeTypes };
}

export class ReturnedDispatchScope0027 implements MigrationInterface {
  name = migrationName('ReturnedDispatchScope', 27);

  async up(q: QueryRunner): Promise<void> {
    const { repos, names } = desk(q);
    const cases = (await q.query(
      `SELECT DISTINCT a.case_id AS id FROM case_assignments a JOIN cases c ON c.id = a.case_id
        WHERE a.state = 'returned' AND a.deleted_at IS NULL AND c.deleted_at IS NULL`,
    )) as { id: string }[];
    for (const { id } of cases) {
      repos.caseScope.rebuildCaseById(id);
      rewriteSearchRow(repos, id, names);
    }
  }

  /** The returned dispatches' committees and mediators see the case again, as before. */
  async down(q: QueryRunner): Promise<void> {
    const { repos, names } = desk(q);
    const returned = (await q.query(
      `SELECT a.id, a.case_id AS caseId, a.committee_id AS committeeId FROM case_assignments a
        JOIN cases c ON c.id = a.case_id
        WHERE a.state = 'returned' AND a.deleted_at IS NULL AND c.deleted_at IS NULL`,
    )) as { id: string; caseId: string; committeeId: string }[];
    for (const a of returned) {
      repos.caseScope.grantOrganisation(a.caseId, a.committeeId);
      for (const m of repos.workflow.assignmentMediators(a.id))
        repos.caseScope.grantMediator(a.caseId, m.mediatorId);
    }
    for (const caseId of new Set(returned.map((a) => a.caseId))) rewriteSearchRow(repos, caseId, names);
  }
}
