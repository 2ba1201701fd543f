import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aCase, aPerson, anOrganisation } from '../../fixtures/builders';
import { ROSTER } from '../../fixtures/roster';
import {
  ADMIN,
  addUser,
  centreDatabase,
  setUpApp,
  switchUser,
  testKdfCost,
  type TestApp,
} from '../../helpers/app';
import { killableWorkers } from '../../helpers/killable';
import { ownCluster } from '../../helpers/ownCluster';
import { tempDir } from '../../helpers/tempDir';
import { ORGS } from '../../helpers/workflow';
import type { DeskJob } from './deskWorker';

// Eight desks of the county centre at once (issue 17), each a process of its own on the same
// PostgreSQL, registering, editing and dispatching for a while. Afterwards: the case numbers
// run 1…n with none twice and none missing; every edit made from a version another desk had
// already replaced was refused (no lost update: each shared case's version is one plus the
// edits that were saved); the audit chain is one valid chain; the counts match.

const DESKS = 8;
const ROUNDS = 6;
const SHARED = 3;

// The desks make their database on a cluster of this file's own.
ownCluster();
const workers = killableWorkers(resolve(import.meta.dirname, 'deskWorker.ts'));

function runDesk(job: DeskJob): Promise<string[]> {
  const child = workers.start([JSON.stringify(job)]);
  return new Promise((done, fail) => {
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => (out += chunk));
    child.stderr.on('data', (chunk: string) => (err += chunk));
    child.on('error', fail);
    child.on('close', (code) => {
      const lines = out.split('\n').filter(Boolean);
      if (code === 0 && lines.at(-1) === 'done') done(lines);
      else fail(new Error(`desk ${job.desk} ended with ${code}:\n${err}\n${out.slice(-800)}`));
    });
  });
}

const seqOf = (number: string) => Number(/第(\d+)号/.exec(number)?.[1]);

describe('eight desks on one centre', () => {
  it('numbers never repeat or skip, no edit is lost, the audit chain holds, the counts match', async () => {
    const centre = centreDatabase()!;
    // The centre as its first desk set it up (its keys on the server), with a desk account.
    const admin: TestApp = await setUpApp(undefined, { centre });
    const desk = await addUser(admin, 'desk', ['intake', 'dispatcher'], undefined, {
      organisationIds: [ORGS.county, ORGS.yaofu],
    });
    const medical = await admin.ok('mediators:save', ROSTER.medical);
    await switchUser(admin, desk.username, desk.password);
    const shared: string[] = [];
    const numbers: string[] = [];
    for (let i = 0; i < SHARED; i++) {
      const c = await admin.ok(
        'cases:create',
        aCase({ parties: [aPerson({ name: `共同${i}` }), anOrganisation()], repeatReason: '另一起独立纠纷' }),
      );
      shared.push(c.id);
      numbers.push(c.caseNumber);
    }

    const outputs = await Promise.all(
      Array.from({ length: DESKS }, (_, d) =>
        runDesk({
          centre,
          dataDir: tempDir('desk-'),
          username: desk.username,
          password: desk.password,
          kdfCost: testKdfCost,
          desk: d + 1,
          rounds: ROUNDS,
          shared,
          committeeId: ORGS.medical,
          mediatorId: medical.id,
        }),
      ),
    );
    const lines = outputs.flat().map((l) => l.split(' '));
    const created = lines.filter((l) => l[0] === 'case');
    numbers.push(...created.map((l) => l[2]!));

    // Numbers: 1…n, none twice, none missing.
    const seqs = numbers.map(seqOf).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: SHARED + DESKS * ROUNDS }, (_, i) => i + 1));

    // No lost update: a stale edit never saved; each shared case moved once per saved edit.
    expect(lines.filter((l) => l[0] === 'stale' && l[2] === 'ok')).toEqual([]);
    expect(lines.filter((l) => l[0] === 'stale').length).toBe(lines.filter((l) => l[0] === 'edit').length);
    for (const id of shared) {
      const edits = lines.filter((l) => l[0] === 'edit' && l[1] === id);
      // Each saved edit started from a different version: two desks never both saved from one.
      expect(new Set(edits.map((l) => l[2])).size).toBe(edits.length);
      const now = await admin.ok('cases:get', { id });
      expect(now.version).toBe(1 + edits.length);
    }

    // Counts: every registration and dispatch the desks were told of is there, nothing more.
    const list = await admin.ok('cases:list', { page: 1, pageSize: 100 });
    expect(list.total).toBe(SHARED + DESKS * ROUNDS);
    const dispatched = lines.filter((l) => l[0] === 'dispatch').map((l) => l[1]);
    expect(dispatched.length).toBe(DESKS * ROUNDS);
    for (const id of dispatched.slice(0, 5)) {
      expect((await admin.ok('workflow:get', { caseId: id! })).status).toBe('dispatched');
    }

    // One chain, every entry linked and signed.
    await switchUser(admin, ADMIN.username, ADMIN.password);
    const audit = await admin.ok('audit:verify', {});
    expect(audit).toMatchObject({ intact: true, firstBrokenSeq: null });
    expect(audit.checked).toBeGreaterThan(DESKS * ROUNDS * 3);
    expect((await admin.ok('audit:alarms', {})).items).toEqual([]);
  }, 300_000);
});
