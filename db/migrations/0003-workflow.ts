import type { MigrationInterface, QueryRunner } from 'typeorm';
import seed from '../../resources/seed/pingluo-sectors.json';
import { syncableSql } from '../entities/columns';
import { migrationName } from './name';

/**
 * Organisations and mediators, dispatch, and the case workflow: assignments (dispatch,
 * transfer, escalation) with their mediators, investigation and mediation records, encrypted
 * attachments, agreements, return visits, outcomes (termination, other routes told, referral,
 * closing), risk reports and deadline extensions.
 */
export class Workflow0003 implements MigrationInterface {
  name = migrationName('Workflow', 3);

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE organisations ADD COLUMN specialties TEXT NOT NULL DEFAULT '[]'`);
    await q.query(`ALTER TABLE cases ADD COLUMN court_procedure TEXT`);
    await q.query(`ALTER TABLE cases ADD COLUMN handling_committee_id TEXT`);
    await q.query(`ALTER TABLE cases ADD COLUMN mediation_deadline TEXT`);
    // Cases registered before this migration get the default one-month limit.
    await q.query(
      `UPDATE cases SET mediation_deadline = date(received_on, '+30 days') WHERE mediation_deadline IS NULL`,
    );
    await q.query(`CREATE INDEX ix_cases_deadline ON cases(status, mediation_deadline)`);
    await q.query(`CREATE INDEX ix_cases_handling ON cases(handling_committee_id, status)`);

    await q.query(`CREATE TABLE mediators (${syncableSql},
      kind TEXT NOT NULL,
      name TEXT NOT NULL,
      sex TEXT,
      ethnicity TEXT,
      id_number TEXT,
      phone TEXT,
      employment TEXT NOT NULL,
      certificate_number TEXT,
      grade TEXT NOT NULL,
      specialties TEXT NOT NULL DEFAULT '[]',
      household_members TEXT NOT NULL DEFAULT '[]',
      village_group TEXT,
      employer TEXT,
      employer_credit_code TEXT,
      user_id TEXT,
      active BOOLEAN NOT NULL DEFAULT 1
    )`);
    await q.query(`CREATE INDEX ix_mediators_user ON mediators(user_id)`);
    await q.query(`CREATE TABLE mediator_memberships (${syncableSql},
      mediator_id TEXT NOT NULL REFERENCES mediators(id),
      organisation_id TEXT NOT NULL REFERENCES organisations(id),
      position TEXT NOT NULL,
      from_on TEXT,
      to_on TEXT
    )`);
    await q.query(`CREATE INDEX ix_memberships_mediator ON mediator_memberships(mediator_id)`);
    await q.query(`CREATE INDEX ix_memberships_org ON mediator_memberships(organisation_id)`);
    await q.query(`CREATE TABLE mediator_trainings (${syncableSql},
      mediator_id TEXT NOT NULL REFERENCES mediators(id),
      date TEXT NOT NULL,
      days REAL NOT NULL,
      kind TEXT NOT NULL,
      topic TEXT NOT NULL
    )`);
    await q.query(`CREATE INDEX ix_trainings_mediator ON mediator_trainings(mediator_id, date)`);

    await q.query(`CREATE TABLE case_assignments (${syncableSql},
      case_id TEXT NOT NULL REFERENCES cases(id),
      committee_id TEXT NOT NULL REFERENCES organisations(id),
      mode TEXT NOT NULL,
      state TEXT NOT NULL CHECK (state IN ('pending', 'accepted', 'returned', 'superseded')),
      kind TEXT NOT NULL CHECK (kind IN ('dispatch', 'transfer', 'escalation')),
      dispatched_by TEXT NOT NULL,
      dispatched_by_name TEXT NOT NULL,
      dispatched_at TEXT NOT NULL,
      responded_by TEXT,
      responded_by_name TEXT,
      responded_at TEXT,
      return_reason TEXT,
      note TEXT
    )`);
    await q.query(`CREATE INDEX ix_assignments_case ON case_assignments(case_id, dispatched_at)`);
    await q.query(`CREATE INDEX ix_assignments_state ON case_assignments(state, committee_id)`);
    await q.query(`CREATE TABLE case_assignment_mediators (${syncableSql},
      assignment_id TEXT NOT NULL REFERENCES case_assignments(id),
      mediator_id TEXT NOT NULL REFERENCES mediators(id),
      lead BOOLEAN NOT NULL DEFAULT 0,
      override_reason TEXT
    )`);
    await q.query(`CREATE INDEX ix_assignment_mediators ON case_assignment_mediators(assignment_id)`);
    await q.query(`CREATE INDEX ix_assignment_mediators_mediator ON case_assignment_mediators(mediator_id)`);

    await q.query(`CREATE TABLE case_records (${syncableSql},
      case_id TEXT NOT NULL REFERENCES cases(id),
      kind TEXT NOT NULL CHECK (kind IN ('investigation', 'mediation')),
      held_at TEXT NOT NULL,
      place TEXT NOT NULL,
      participants TEXT,
      parties_present TEXT NOT NULL,
      rights_notified BOOLEAN NOT NULL,
      statements TEXT NOT NULL,
      result TEXT,
      recorder TEXT NOT NULL,
      created_by_name TEXT NOT NULL
    )`);
    await q.query(`CREATE INDEX ix_records_case ON case_records(case_id, held_at)`);
    // Evidence lives inside the encrypted database, never as loose files.
    await q.query(`CREATE TABLE attachments (${syncableSql},
      case_id TEXT NOT NULL REFERENCES cases(id),
      record_id TEXT REFERENCES case_records(id),
      file_name TEXT NOT NULL,
      mime_type TEXT NOT NULL,
      size INTEGER NOT NULL,
      sha256 TEXT NOT NULL,
      description TEXT,
      data BLOB NOT NULL,
      added_by_name TEXT NOT NULL
    )`);
    await q.query(`CREATE INDEX ix_attachments_case ON attachments(case_id)`);

    await q.query(`CREATE TABLE agreements (${syncableSql},
      case_id TEXT NOT NULL REFERENCES cases(id),
      kind TEXT NOT NULL CHECK (kind IN ('written', 'oral')),
      number TEXT NOT NULL,
      facts TEXT NOT NULL,
      terms TEXT NOT NULL,
      performance_manner TEXT NOT NULL,
      performance_place TEXT NOT NULL,
      performance_deadline TEXT NOT NULL,
      amount_fen INTEGER,
      reached_on TEXT NOT NULL,
      effective_on TEXT,
      subject_matter TEXT NOT NULL
    )`);
    await q.query(`CREATE UNIQUE INDEX ux_agreements_case ON agreements(case_id) WHERE deleted_at IS NULL`);
    await q.query(`CREATE INDEX ix_agreements_effective ON agreements(effective_on)`);
    await q.query(`CREATE TABLE return_visits (${syncableSql},
      case_id TEXT NOT NULL REFERENCES cases(id),
      agreement_id TEXT NOT NULL REFERENCES agreements(id),
      due_on TEXT NOT NULL,
      visited_on TEXT,
      visitor TEXT,
      performance_status TEXT,
      satisfaction TEXT,
      escalation_signs BOOLEAN NOT NULL DEFAULT 0,
      court_action BOOLEAN NOT NULL DEFAULT 0,
      situation TEXT,
      measures TEXT
    )`);
    await q.query(`CREATE INDEX ix_visits_case ON return_visits(case_id)`);
    await q.query(`CREATE INDEX ix_visits_due ON return_visits(visited_on, due_on)`);

    await q.query(`CREATE TABLE case_outcomes (${syncableSql},
      case_id TEXT NOT NULL REFERENCES cases(id),
      termination_kind TEXT,
      termination_reason TEXT,
      terminated_on TEXT,
      informed_routes TEXT,
      informed_how TEXT,
      informed_on TEXT,
      informed_note TEXT,
      referral_route TEXT,
      referral_body TEXT,
      referral_told TEXT,
      referred_on TEXT,
      closed_on TEXT,
      close_note TEXT
    )`);
    await q.query(`CREATE UNIQUE INDEX ux_outcomes_case ON case_outcomes(case_id)`);
    await q.query(`CREATE TABLE risk_reports (${syncableSql},
      case_id TEXT NOT NULL REFERENCES cases(id),
      reported BOOLEAN NOT NULL,
      reported_to TEXT,
      reported_by TEXT,
      reported_at TEXT,
      reason_not_reported TEXT,
      recorded_by_name TEXT NOT NULL
    )`);
    await q.query(`CREATE INDEX ix_risk_reports_case ON risk_reports(case_id)`);
    await q.query(`CREATE TABLE deadline_extensions (${syncableSql},
      case_id TEXT NOT NULL REFERENCES cases(id),
      days INTEGER NOT NULL,
      consent TEXT NOT NULL,
      by_name TEXT NOT NULL
    )`);
    await q.query(`CREATE INDEX ix_extensions_case ON deadline_extensions(case_id)`);

    const now = new Date(0).toISOString();
    const pattern = '（{year}）{abbr}调字第{seq:4}号';
    for (const [index, org] of seed.organisations.entries()) {
      await q.query(
        `INSERT OR IGNORE INTO organisations (id, origin_office_id, created_at, updated_at, name, kind, parent_id, abbreviation,
           case_number_pattern, sort, specialties) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          org.id,
          org.parentId,
          now,
          now,
          org.name,
          org.kind,
          org.parentId,
          org.abbreviation,
          pattern,
          100 + index,
          JSON.stringify(org.specialties),
        ],
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'deadline_extensions',
      'risk_reports',
      'case_outcomes',
      'return_visits',
      'agreements',
      'attachments',
      'case_records',
      'case_assignment_mediators',
      'case_assignments',
      'mediator_trainings',
      'mediator_memberships',
      'mediators',
    ]) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
