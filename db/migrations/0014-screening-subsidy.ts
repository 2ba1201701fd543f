import type { MigrationInterface, QueryRunner } from 'typeorm';
import { syncableSql } from '../entities/columns';
import { migrationName } from './name';

/**
 * 两排查一分析 and 以案定补 (issue 15). Screening rounds (排查) per organisation with what each
 * found (a finding becomes a case, is linked to one, or is noted as settled or watched; a round
 * with no findings is a 零报告); the monthly analysis note (一分析) per organisation and month;
 * the subsidy grade of a case (proposed from the case, set by the county reviewer with a reason
 * when changed) and the subsidy settlements per period with their lines (per case and mediator,
 * or an adjustment carried into a later period: a locked settlement is never changed).
 * Cadence, grades and rates are settings.
 */
export class ScreeningSubsidy0014 implements MigrationInterface {
  name = migrationName('ScreeningSubsidy', 14);

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE screening_rounds (${syncableSql},
      organisation_id TEXT NOT NULL REFERENCES organisations(id),
      held_on TEXT NOT NULL,
      conducted_by TEXT NOT NULL,
      method TEXT NOT NULL CHECK (method IN ('general', 'focused', 'concentrated')),
      area TEXT NOT NULL,
      finding_count INTEGER NOT NULL DEFAULT 0 CHECK (finding_count >= 0),
      recorded_by TEXT NOT NULL,
      recorded_by_name TEXT NOT NULL
    )`);
    await q.query(`CREATE INDEX ix_screening_rounds_org ON screening_rounds(organisation_id, held_on)`);
    await q.query(`CREATE INDEX ix_screening_rounds_held ON screening_rounds(held_on)`);

    await q.query(`CREATE TABLE screening_findings (${syncableSql},
      round_id TEXT NOT NULL REFERENCES screening_rounds(id),
      seq INTEGER NOT NULL CHECK (seq >= 1),
      kind TEXT NOT NULL CHECK (kind IN ('dispute', 'risk')),
      summary TEXT NOT NULL,
      disposition TEXT NOT NULL CHECK (disposition IN ('new_case', 'linked', 'resolved', 'watch')),
      case_id TEXT REFERENCES cases(id),
      note TEXT,
      CHECK ((disposition IN ('new_case', 'linked')) = (case_id IS NOT NULL))
    )`);
    await q.query(`CREATE UNIQUE INDEX ux_screening_findings_seq ON screening_findings(round_id, seq)`);
    await q.query(
      `CREATE INDEX ix_screening_findings_case ON screening_findings(case_id) WHERE case_id IS NOT NULL`,
    );

    await q.query(`CREATE TABLE screening_analyses (${syncableSql},
      organisation_id TEXT NOT NULL REFERENCES organisations(id),
      month TEXT NOT NULL,
      judgement TEXT NOT NULL,
      measures TEXT NOT NULL,
      written_by_name TEXT NOT NULL
    )`);
    await q.query(`CREATE UNIQUE INDEX ux_screening_analyses ON screening_analyses(organisation_id, month)`);

    await q.query(`CREATE TABLE subsidy_grades (${syncableSql},
      case_id TEXT NOT NULL REFERENCES cases(id),
      proposed TEXT NOT NULL,
      grade TEXT NOT NULL,
      reason TEXT,
      set_by_name TEXT NOT NULL,
      set_on TEXT NOT NULL
    )`);
    await q.query(`CREATE UNIQUE INDEX ux_subsidy_grades_case ON subsidy_grades(case_id)`);

    await q.query(`CREATE TABLE subsidy_settlements (${syncableSql},
      period TEXT NOT NULL,
      state TEXT NOT NULL CHECK (state IN ('draft', 'locked')),
      total_fen INTEGER NOT NULL DEFAULT 0,
      approved_by_name TEXT,
      approved_at TEXT
    )`);
    await q.query(`CREATE UNIQUE INDEX ux_subsidy_settlements_period ON subsidy_settlements(period)`);

    await q.query(`CREATE TABLE subsidy_lines (${syncableSql},
      settlement_id TEXT NOT NULL REFERENCES subsidy_settlements(id),
      case_id TEXT NOT NULL REFERENCES cases(id),
      mediator_id TEXT,
      mediator_name TEXT NOT NULL,
      committee_id TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('case', 'adjustment')),
      grade TEXT NOT NULL,
      amount_fen INTEGER NOT NULL,
      note TEXT
    )`);
    await q.query(`CREATE INDEX ix_subsidy_lines_settlement ON subsidy_lines(settlement_id)`);
    await q.query(`CREATE INDEX ix_subsidy_lines_case ON subsidy_lines(case_id)`);
    // A locked settlement never changes: its lines neither.
    await q.query(`CREATE TRIGGER tr_subsidy_lines_locked_ins BEFORE INSERT ON subsidy_lines
      WHEN (SELECT state FROM subsidy_settlements WHERE id = NEW.settlement_id) = 'locked'
      BEGIN SELECT RAISE(ABORT, 'subsidy settlement is locked'); END`);
    await q.query(`CREATE TRIGGER tr_subsidy_lines_locked_upd BEFORE UPDATE ON subsidy_lines
      WHEN (SELECT state FROM subsidy_settlements WHERE id = OLD.settlement_id) = 'locked'
      BEGIN SELECT RAISE(ABORT, 'subsidy settlement is locked'); END`);
    await q.query(`CREATE TRIGGER tr_subsidy_lines_locked_del BEFORE DELETE ON subsidy_lines
      WHEN (SELECT state FROM subsidy_settlements WHERE id = OLD.settlement_id) = 'locked'
      BEGIN SELECT RAISE(ABORT, 'subsidy settlement is locked'); END`);
    await q.query(`CREATE TRIGGER tr_subsidy_settlements_locked BEFORE UPDATE ON subsidy_settlements
      WHEN OLD.state = 'locked'
      BEGIN SELECT RAISE(ABORT, 'subsidy settlement is locked'); END`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'subsidy_lines',
      'subsidy_settlements',
      'subsidy_grades',
      'screening_analyses',
      'screening_findings',
      'screening_rounds',
    ])
      await q.query(`DROP TABLE ${t}`);
  }
}
