import { describe, expect, it } from 'vitest';
import { exchange, offices, registerCase, type Desk } from '../../helpers/exchangeCases';

// A township returns (退回) a case the county dispatched down to it (issue 9: the case then
// leaves the township's scope). The return still travels up, so the county sees the case back
// in its queue; and the county may dispatch it down to the township again.

async function dispatchDown(county: Desk, town: Desk, caseId: string) {
  await county.staff();
  await county.app.ok('workflow:dispatch', {
    caseId,
    committeeId: town.officeId,
    mediatorIds: [town.mediatorId],
    leadMediatorId: town.mediatorId,
  });
  return exchange(county, town);
}

describe('a county case the township returns', () => {
  it('goes back up to the county, and may come down again', async () => {
    const { county, town } = await offices();
    await exchange(town, county); // the township's roster reaches the county
    const c = await registerCase(county);
    await dispatchDown(county, town, c.id);
    await town.mediator();
    await town.app.ok('workflow:respond', { caseId: c.id, accept: false, reason: '当事人不在本镇居住' });
    expect(await town.app.call('workflow:get', { caseId: c.id })).toMatchObject({
      error: { code: 'NOT_FOUND' },
    });

    const { imported } = await exchange(town, county);
    expect(imported.counts.cases.updated).toBe(1);
    expect(imported.counts.case_assignments.updated).toBe(1);
    await county.staff();
    expect((await county.app.ok('workflow:get', { caseId: c.id })).status).toBe('accepted');
    const todo = await county.app.ok('todo:mine', {});
    expect(todo.returned.map((t) => t.what)).toEqual(['被退回：当事人不在本镇居住']);

    const again = await dispatchDown(county, town, c.id);
    expect(again.imported.counts.case_assignments.new).toBe(1);
    await town.mediator();
    expect((await town.app.ok('workflow:get', { caseId: c.id })).status).toBe('dispatched');
  });
});
