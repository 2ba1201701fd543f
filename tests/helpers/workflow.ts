import { aCase, anOrganisation, aPerson } from '../fixtures/builders';
import { ROSTER } from '../fixtures/roster';
import { ADMIN, addUser, setUpApp, switchUser, type TestApp, type TestAppOptions } from './app';

// A small Pingluo office for workflow tests: a clerk, a dispatcher, a mediator account, and the
// shared roster (tests/fixtures/roster.ts) with its medical specialist linked to that account.
// The clerk and the dispatcher work for the county centre and for 姚伏镇 (their committee scope);
// the mediator account belongs to the county centre.

export const ORGS = {
  county: '7da55d92-5712-44e5-beb3-bda8994c7a55',
  medical: '884b73a8-481a-4abf-958e-472cb4987dfd',
  yaofu: 'aaf1c7de-86c0-41e1-85e3-ce66b8045107',
};

export interface World {
  app: TestApp;
  users: Record<'clerk' | 'dispatcher' | 'mediator', { username: string; password: string; id: string }>;
  mediators: { medical: string; township: string; related: string };
  as(who: 'clerk' | 'dispatcher' | 'mediator' | 'admin'): Promise<void>;
  /** Moves the clock on by whole days (the idle lock fires) and signs `who` back in. */
  later(days: number, who: 'clerk' | 'dispatcher' | 'mediator' | 'admin'): Promise<void>;
  /** Registers a medical dispute in 姚伏镇 (as the clerk) and returns its id. */
  newCase(overrides?: Parameters<typeof aCase>[0]): Promise<string>;
  /** The dispatcher sends the case to the medical committee, 马秀英 leading (the mediator account). */
  dispatchToMedical(caseId: string): Promise<void>;
}

/** `options`: e.g. `{ centre: null }` for a desk on its own file whatever the run's store. */
export async function workflowWorld(options: TestAppOptions = {}): Promise<World> {
  const app = await setUpApp(undefined, options);
  const desk = { organisationIds: [ORGS.county, ORGS.yaofu] };
  const clerk = await addUser(app, 'clerk', ['intake'], undefined, desk);
  const dispatcher = await addUser(app, 'fenliu', ['dispatcher'], undefined, desk);
  const medical = await app.ok('mediators:save', ROSTER.medical);
  const mediatorUser = await addUser(app, 'tiaojie', ['mediator'], undefined, { mediatorId: medical.id });
  const township = await app.ok('mediators:save', ROSTER.township);
  const related = await app.ok('mediators:save', ROSTER.related);
  const users = { clerk, dispatcher, mediator: mediatorUser };
  const as = async (who: 'clerk' | 'dispatcher' | 'mediator' | 'admin') =>
    switchUser(
      app,
      who === 'admin' ? ADMIN.username : users[who].username,
      who === 'admin' ? ADMIN.password : users[who].password,
    );
  let n = 0;
  return {
    app,
    users,
    mediators: { medical: medical.id, township: township.id, related: related.id },
    as,
    async later(days, who) {
      app.clock.advance(days * 86_400_000);
      await app.session.lockIfIdle();
      await as(who);
    },
    async dispatchToMedical(caseId) {
      await as('dispatcher');
      await app.ok('workflow:dispatch', {
        caseId,
        committeeId: ORGS.medical,
        mediatorIds: [medical.id],
        leadMediatorId: medical.id,
      });
    },
    async newCase(overrides = {}) {
      await as('clerk');
      n += 1;
      const created = await app.ok(
        'cases:create',
        aCase({
          disputeType: 'medical',
          summary: '患者在乡镇卫生院输液后出现过敏反应，家属认为院方处置不当，要求赔偿医疗费用。',
          parties: [
            aPerson({
              idNumber: n === 1 ? '640221198503150026' : undefined,
              name: n === 1 ? '马玉兰' : `患者${n}`,
            }),
            anOrganisation({ name: `平罗县某卫生院${n}`, creditCode: undefined }),
          ],
          repeatReason: n > 1 ? '另一起独立纠纷' : undefined,
          ...overrides,
        }),
      );
      return created.id;
    },
  };
}
