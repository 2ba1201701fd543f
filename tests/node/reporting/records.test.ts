import { describe, expect, it } from 'vitest';
import { infoSetNames, type InfoSetName, type InfoSetRecord } from '../../../main/contract/province/infoSets';
import {
  casePage,
  mediatorRecords,
  organisationRecords,
  screeningRecords,
} from '../../../main/core/reporting/records';
import { problemsOf } from '../../../main/core/reporting/validate';
import { provinceWorld, publishedValidator, type ProvinceWorld } from './world';

const TODAY = '2026-11-30';

function allRecords(w: ProvinceWorld): Record<InfoSetName, InfoSetRecord[]> {
  const repos = w.app.session.repos();
  const scope = w.scope();
  const orgs = [...scope.organisations];
  return {
    organisations: organisationRecords(repos, orgs),
    mediators: mediatorRecords(repos, orgs),
    screenings: screeningRecords(repos, orgs),
    cases: casePage(repos, scope.principals, 0, 10_000).records,
  };
}

describe('the four info-sets', () => {
  it('are built for a rich dataset and every record passes the published JSON Schema (ajv) and the rules', async () => {
    const w = await provinceWorld();
    const sets = allRecords(w);
    for (const name of infoSetNames) {
      expect(sets[name].length, name).toBeGreaterThan(0);
      const validate = publishedValidator(name);
      for (const record of sets[name]) {
        expect(validate(record), `${name}: ${JSON.stringify(validate.errors)}`).toBe(true);
        expect(problemsOf(name, record, TODAY)).toEqual([]);
      }
    }
    const cases = sets.cases as Extract<InfoSetRecord, { caseNumber: string }>[];
    expect(cases).toHaveLength(w.cases.length);
    // The codes are the national ones: dispute types, the division of the township, sex.
    const written = cases.find((c) => c.id === w.dossierCaseId)!;
    expect(written.result).toBe('success');
    expect(written.agreement).toMatchObject({ kind: 'written', performanceDeadline: '2026-11-25' });
    expect(written.archive).toEqual({
      volumeNumber: '平调卷〔2026〕1号',
      retention: '长期',
      filedOn: '2026-11-29',
      archived: false,
      pageCount: null,
    });
    expect(new Set(cases.map((c) => c.disputeType))).toEqual(new Set(['04', '02', '01']));
    expect(cases.every((c) => /^640221\d{6}$/.test(c.divisionCode))).toBe(true);
    // Applied: a printed application, or the court's answer recorded (which implies one).
    expect(cases.filter((c) => c.judicialConfirmation)).toHaveLength(
      w.cases.filter((c) => c.confirmation || c.ruling).length,
    );
    const ruled = w.cases.filter((c) => c.ruling);
    expect(ruled.length).toBeGreaterThan(1);
    for (const plan of ruled)
      expect(cases.find((c) => c.id === plan.id)?.judicialConfirmationResult).toEqual({
        outcome: plan.ruling,
        court: '平罗县人民法院',
        ruledOn: '2026-11-26',
        rulingNumber: '（2026）宁0221民特12号',
      });
    expect(cases.filter((c) => c.judicialConfirmationResult === null)).toHaveLength(
      cases.length - ruled.length,
    );
    expect(cases.filter((c) => c.result === 'failure')).toHaveLength(
      w.cases.filter((c) => c.outcome === 'terminated').length,
    );
    const mediators = sets.mediators as Extract<InfoSetRecord, { trainings: unknown }>[];
    const medical = mediators.find((m) => m.id === w.mediators.medical)!;
    expect(medical).toMatchObject({ sex: '2', ethnicity: '03', grade: 'second', employment: 'full_time' });
    expect(medical.trainings).toEqual([
      { date: '2026-03-02', days: 2.5, kind: 'continuing', topic: '医疗纠纷调解实务' },
    ]);
    const round = sets.screenings[0] as Extract<InfoSetRecord, { findings: unknown }>;
    expect(round.findings.map((f) => f.disposition)).toEqual(['watch', 'resolved']);
  });

  it('hold back what breaks a rule, each problem in Chinese saying what to fix', async () => {
    const w = await provinceWorld(10);
    const [oral, written, plain] = [
      w.cases.find((c) => c.outcome === 'oral')!,
      w.cases.find((c) => c.outcome === 'written')!,
      w.cases.find((c) => c.outcome === 'waiting')!,
    ];
    const sql = w.sql();
    sql.run(`UPDATE agreements SET deleted_at = '2026-11-30T00:00:00.000Z' WHERE case_id = ?`, oral.id);
    sql.run(`UPDATE agreements SET performance_deadline = '' WHERE case_id = ?`, written.id);
    sql.run(
      `UPDATE parties SET id_number = ? WHERE id = (SELECT party_id FROM case_parties WHERE case_id = ? LIMIT 1)`,
      '640221198503150027',
      plain.id,
    );
    const closed = w.cases.find((c) => c.outcome === 'written' && c.id !== w.dossierCaseId)!;
    sql.run(
      `INSERT INTO case_outcomes (id, origin_office_id, created_at, updated_at, case_id, closed_on)
       VALUES ('o-closed', 'x', 't', 't', ?, '2026-11-29')`,
      closed.id,
    );
    const cases = allRecords(w).cases;
    const problems = (id: string) =>
      problemsOf(
        'cases',
        cases.find((c) => c.id === id)!,
        TODAY,
      ).map((p) => p.message);
    expect(problems(oral.id)).toEqual(['调解成功的案件没有调解协议：请在“办理进程”中录入调解协议']);
    expect(problems(written.id)).toEqual(['书面调解协议没有履行期限：请在调解协议中填写履行期限']);
    expect(problems(closed.id)).toEqual([
      '已结案的案件尚未立卷：请在案件页的“卷宗”中立卷（卷号、保管期限）后再报送',
    ]);
    expect(problems(plain.id)).toHaveLength(1);
    expect(problems(plain.id)[0]).toMatch(/^当事人“.+”的身份证号码校验不通过：.*校验/);
  });

  it('name the field in Chinese when a record does not fit the schema', () => {
    const problems = problemsOf(
      'organisations',
      {
        id: 'not-a-uuid',
        name: '',
        kind: 'township',
        parentId: null,
        abbreviation: '姚伏',
        divisionCode: '640221104000',
        address: null,
        activeFrom: null,
        activeTo: null,
        members: [],
        updatedAt: '2026-11-30T00:00:00.000Z',
      },
      TODAY,
    );
    expect(problems.map((p) => p.field)).toEqual(['调解组织标识', '组织名称']);
    expect(problems[1]!.message).toMatch(/^组织名称不符合报送格式：/);
  });
});
