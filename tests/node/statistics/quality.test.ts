import { describe, expect, it } from 'vitest';
import { addUser, switchUser } from '../../helpers/app';
import { ORGS } from '../../helpers/workflow';
import { statisticsWorld } from '../../fixtures/statisticsWorld';

// 数据质量 (issue 15): contradictions are listed, each with its case (the screen links to its page).

describe('数据质量', () => {
  it('lists a case that reads as successful without an agreement, and an agreement without a deadline', async () => {
    const world = await statisticsWorld(10);
    const sql = world.app.session.requireUnlocked().store.sql;
    const written = world.cases.find((c) => c.outcome === 'written')!;
    const oral = world.cases.find((c) => c.outcome === 'oral')!;
    const mediating = world.cases.find((c) => c.outcome === 'mediating')!;
    sql.run(`UPDATE agreements SET performance_deadline = '' WHERE case_id = ?`, written.id);
    // A case closed as successful whose agreement was removed; one marked successful with none.
    sql.run(`UPDATE agreements SET deleted_at = '2026-11-30' WHERE case_id = ?`, oral.id);
    sql.run(`UPDATE cases SET status = 'closed' WHERE id = ?`, oral.id);
    sql.run(`UPDATE cases SET status = 'succeeded' WHERE id = ?`, mediating.id);
    // A terminated case is closed without an agreement too: not a problem.
    const terminated = world.cases.find((c) => c.outcome === 'terminated')!;
    sql.run(`UPDATE cases SET status = 'closed' WHERE id = ?`, terminated.id);
    await world.as('admin');
    await addUser(world.app, 'lingdao', ['leader'], 'Leader2026ok', {
      organisationIds: [ORGS.county, ORGS.yaofu],
    });
    await switchUser(world.app, 'lingdao', 'Leader2026ok');
    const q = await world.app.ok('statistics:quality', { from: '2026-01-01', to: '2026-12-31' });
    const got = q.items.map((i) => [i.caseId, i.kind]).sort();
    expect(got).toEqual(
      [
        [written.id, 'agreementWithoutDeadline'],
        [oral.id, 'succeededWithoutAgreement'],
        [mediating.id, 'succeededWithoutAgreement'],
      ].sort(),
    );
    expect(q.truncated).toBe(false);
  });
});
