import { describe, expect, it } from 'vitest';
import type { ApiError } from '../../../main/contract';
import { aCase, anOrganisation, aPerson } from '../../fixtures/builders';
import { ADMIN, addUser, centreDatabase, setUpApp, switchUser } from '../../helpers/app';
import { ownCluster } from '../../helpers/ownCluster';

// The county centre's PostgreSQL restarts while a desk is registering cases (issue 17): the
// calls that meet it are refused with a message saying so and that nothing was saved (or that
// the desk cannot tell, for a cut commit); once the server is back the same desk, still signed
// in, carries on. Afterwards every acknowledged case is there and complete, the numbers have no
// holes, and the audit chain verifies.

const clusterOf = ownCluster();

describe('the centre’s server restarts under load', () => {
  it('refuses with a message while it is away, recovers by itself, loses nothing acknowledged', async () => {
    const desk = await setUpApp(undefined, { centre: centreDatabase() });
    const clerk = await addUser(desk, 'clerk', ['intake']);
    await switchUser(desk, clerk.username, clerk.password);

    let restarted = false;
    const restart = clusterOf()
      .restartInBackground()
      .then(() => (restarted = true));
    const acked: { id: string; caseNumber: string; name: string }[] = [];
    const refused: ApiError[] = [];
    let afterRestart = 0;
    for (let i = 0; i < 2000 && afterRestart < 5; i++) {
      const name = `当事人${i}`;
      const result = await desk.call(
        'cases:create',
        aCase({
          parties: [aPerson({ name, idNumber: undefined }), anOrganisation()],
          repeatReason: '另一起独立纠纷',
        }),
      );
      if (result.ok) {
        acked.push({ id: result.value.id, caseNumber: result.value.caseNumber, name });
        if (restarted) afterRestart++;
      } else {
        refused.push(result.error);
      }
      // A turn of the event loop between calls, as between a clerk's clicks.
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await restart;
    expect(afterRestart).toBe(5);
    // The restart was felt, and each refusal said what happened in words a clerk can act on.
    expect(refused.length).toBeGreaterThan(0);
    for (const error of refused) {
      expect(error.code).toBe('UNAVAILABLE');
      expect(error.message).toMatch(/县中心数据库/);
      expect(error.message).toMatch(/没有保存|无法确认|重试/);
    }
    expect(desk.session.state).toBe('unlocked');

    // Every acknowledged case is there, complete; every case there is complete; no number skipped.
    for (const ack of acked) {
      const detail = await desk.ok('cases:get', { id: ack.id });
      expect(detail.caseNumber).toBe(ack.caseNumber);
      expect(detail.parties[0]!.name).toBe(ack.name);
      expect(detail.history.map((h) => h.action)).toContain('受理登记');
    }
    const all = await desk.ok('cases:list', { pageSize: 200 });
    expect(all.total).toBeGreaterThanOrEqual(acked.length);
    // A cut commit may have saved a case the desk could not confirm: it is whole, and numbered.
    expect(all.total).toBeLessThanOrEqual(acked.length + refused.length);
    const seqs = all.items.map((c) => Number(/第(\d+)号/.exec(c.caseNumber)![1])).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: all.total }, (_, i) => i + 1));
    for (const item of all.items) {
      expect((await desk.ok('cases:get', { id: item.id })).parties.length).toBeGreaterThanOrEqual(2);
    }

    await switchUser(desk, ADMIN.username, ADMIN.password);
    expect(await desk.ok('audit:verify', {})).toMatchObject({ intact: true });
  }, 180_000);
});
