import type { Role } from '../../../main/contract';
import { aCase, anOrganisation, aPerson, SEED } from '../../fixtures/builders';
import { ROSTER } from '../../fixtures/roster';
import { ADMIN, addUser, setUpApp, switchUser, type TestApp } from '../../helpers/app';

// Two committees on one county installation, as the issue found them: the county centre (with
// its medical committee under it) and 姚伏镇's committee, each with a user of every role. Side
// A's case `own` is mediated by the medical committee; side A's case `sent` was mediated there
// and then transferred to 姚伏镇: side A is its sender. Each case has a party, a record, an
// attachment, a document version and a signed scan, so every kind of id has something to name.

export const ONE_PIXEL_PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

export const caseRoles = [
  'intake',
  'dispatcher',
  'mediator',
  'archivist',
  'leader',
] as const satisfies Role[];
export type CaseRole = (typeof caseRoles)[number];
export type Side = 'A' | 'B';

/** Everything a channel's input may name, for one case. */
export interface Target {
  caseId: string;
  version: number;
  casePartyId: string;
  partyId: string;
  recordId: string;
  attachmentId: string;
  documentId: string;
  scanId: string;
}

export interface ScopeWorld {
  app: TestApp;
  /** The committee a side registers into. */
  committee: Record<Side, string>;
  /** The roster entry each side's mediator account acts as. */
  mediator: Record<Side, string>;
  own: Target;
  sent: Target;
  as(side: Side, role: CaseRole): Promise<void>;
  /** Another case like `own` (registered by side A, mediated by the medical committee). */
  mediated(): Promise<Target>;
}

const PASSWORD = 'Passw0rd1';
const username = (side: Side, role: CaseRole) => `${role}${side}`.toLowerCase();

export async function scopeWorld(): Promise<ScopeWorld> {
  const app = await setUpApp();
  const medical = await app.ok('mediators:save', ROSTER.medical);
  const township = await app.ok('mediators:save', ROSTER.township);
  const orgs: Record<Side, string> = { A: SEED.countyCenterId, B: SEED.yaofuCommitteeId };
  const mediator: Record<Side, string> = { A: medical.id, B: township.id };
  for (const side of ['A', 'B'] as const) {
    for (const role of caseRoles) {
      await addUser(app, username(side, role), [role], PASSWORD, {
        // Side A's mediator belongs to the medical committee, under the county centre.
        organisationIds: [role === 'mediator' && side === 'A' ? SEED.medicalCommitteeId : orgs[side]],
        ...(role === 'mediator' ? { mediatorId: mediator[side] } : {}),
      });
    }
  }
  const as = (side: Side, role: CaseRole) => switchUser(app, username(side, role), PASSWORD);

  let n = 0;
  /** Registered by side A, mediated by the medical committee, with every kind of record. */
  async function mediated(): Promise<Target> {
    n += 1;
    await as('A', 'intake');
    const created = await app.ok(
      'cases:create',
      aCase({
        committeeId: orgs.A,
        parties: [
          aPerson({ name: `申请人${n}`, idNumber: n === 1 ? '640221198503150026' : '640221197803050022' }),
          anOrganisation(),
        ],
        repeatReason: '另一起独立纠纷',
      }),
    );
    const caseId = created.id;
    await as('A', 'dispatcher');
    await app.ok('workflow:dispatch', {
      caseId,
      committeeId: SEED.medicalCommitteeId,
      mediatorIds: [medical.id],
      leadMediatorId: medical.id,
    });
    await as('A', 'mediator');
    await app.ok('workflow:respond', { caseId, accept: true });
    const wf = await app.ok('workflow:addRecord', {
      caseId,
      kind: 'investigation',
      heldAt: '2026-11-30T00:05:00.000Z',
      place: '平罗县人民调解中心',
      partiesPresent: `申请人${n}`,
      rightsNotified: true,
      statements: '问：纠纷经过如何？答：对方拖欠货款。',
      recorder: '马秀英',
    });
    const recordId = wf.records[0]!.id;
    const attachment = await app.ok('workflow:addAttachment', {
      caseId,
      recordId,
      fileName: '收条.png',
      mimeType: 'image/png',
      dataBase64: ONE_PIXEL_PNG,
    });
    const document = await app.ok('documents:generate', { caseId, kind: 'application' });
    const scanned = await app.ok('documents:attachScan', {
      versionId: document.id,
      fileName: '申请书签字.png',
      mimeType: 'image/png',
      dataBase64: ONE_PIXEL_PNG,
    });
    const party = created.parties[0]!;
    return {
      caseId,
      version: created.version,
      casePartyId: party.casePartyId,
      partyId: party.partyId,
      recordId,
      attachmentId: attachment.id,
      documentId: document.id,
      scanId: scanned.scans[0]!.id,
    };
  }

  const own = await mediated();
  const sent = await mediated();
  await as('A', 'dispatcher');
  await app.ok('workflow:transfer', {
    caseId: sent.caseId,
    committeeId: orgs.B,
    mediatorIds: [township.id],
    leadMediatorId: township.id,
    reason: '当事人均在姚伏镇，属地化解更合适',
  });
  await switchUser(app, ADMIN.username, ADMIN.password);
  return { app, committee: orgs, mediator, own, sent, as, mediated };
}
