// kill -9 while intakes are being saved, over and over, on one desk's store: its own file
// (crash.test.ts) or the county centre's PostgreSQL (postgres/kill.test.ts). A child process
// (crashWorker.ts) signs in and registers intakes through the real dispatch, printing each one only
// after cases:create returned ok; the test SIGKILLs it at a random moment, many times. Afterwards
// every acknowledged intake must be there and complete, nothing may be half-written, the number
// sequences must have no holes, and the database and the audit chain must check out.
import { resolve } from 'node:path';
import { expect } from 'vitest';
import { sqliteOf, type PgConfig } from '../../../db';
import { SEED } from '../../fixtures/builders';
import { ADMIN, addUser, setUpApp, switchUser, testApp, testKdfCost } from '../../helpers/app';
import { killableWorkers, seeded, untilKilled } from '../../helpers/killable';
import { tempDir } from '../../helpers/tempDir';

const CLERK = { username: 'clerk', password: 'Passw0rd1' };
const workerSource = resolve(import.meta.dirname, 'crashWorker.ts');

/** Registers the file's worker processes (call at the top of the test file). */
export const crashWorkers = () => killableWorkers(workerSource);
type Workers = ReturnType<typeof crashWorkers>;

interface Ack {
  id: string;
  caseNumber: string;
  applicant: string;
  voided: boolean;
}

interface Run {
  acks: Ack[];
  voids: string[];
  sawReady: boolean;
}

/**
 * One life of the worker. `when` decides the kill moment: after the first acknowledged intake,
 * right after sign-in, or before sign-in has finished (during start-up, the WAL replay of the
 * previous kill, or the sign-in's own audit entry).
 */
async function runWorker(
  workers: Workers,
  centre: PgConfig | null,
  dataDir: string,
  seed: number,
  when: 'streaming' | 'justReady' | 'starting',
  delayMs: number,
): Promise<Run> {
  const child = workers.start([
    dataDir,
    CLERK.username,
    CLERK.password,
    JSON.stringify(testKdfCost),
    `run-${seed}`,
    // The first intake's committee and year: runs 0, 3, 2 and 7 (all of them kill only after
    // an acknowledged intake) open each of the four number sequences.
    String((seed * 7) % 10),
    ...(centre ? [JSON.stringify(centre)] : []),
  ]);
  const armed = (out: string) =>
    when === 'starting' ||
    (when === 'justReady' && out.includes('ready\n')) ||
    (when === 'streaming' && out.includes('\ncase '));
  const lines = await untilKilled(child, armed, delayMs, 20_000);
  const acks: Ack[] = [];
  const voids: string[] = [];
  for (const line of lines) {
    const [kind, id, caseNumber, applicant] = line.split(' ');
    if (kind === 'case')
      acks.push({ id: id!, caseNumber: caseNumber!, applicant: applicant!, voided: false });
    else if (kind === 'void') voids.push(id!);
    else if (kind !== 'ready') throw new Error(`unexpected worker output: ${line}`);
  }
  return { acks, voids, sawReady: lines[0] === 'ready' };
}

/**
 * RUNS lives of the worker, each killed, on the desk's own file (centre null) or on the centre's
 * database; then every check, through a desk opened again as the next morning.
 */
export async function killRepeatedly(workers: Workers, RUNS: number, centre: PgConfig | null): Promise<void> {
  const dataDir = tempDir('desk-crash-');
  const setup = await setUpApp(dataDir, { centre });
  await addUser(setup, CLERK.username, ['intake'], CLERK.password, {
    organisationIds: [SEED.countyCenterId, SEED.yaofuCommitteeId],
  });
  await setup.close();

  const random = seeded(20261130);
  const acked = new Map<string, Ack>();
  const voided = new Set<string>();
  let readyRuns = 0;
  let startupMs = 400;
  for (let run = 0; run < RUNS; run++) {
    const when = run % 10 === 9 ? 'starting' : run % 5 === 4 ? 'justReady' : 'streaming';
    const delay =
      when === 'starting'
        ? Math.round(startupMs * (0.4 + 0.8 * random()))
        : when === 'justReady'
          ? Math.round(15 * random())
          : Math.round(60 * random());
    const started = Date.now();
    const result = await runWorker(workers, centre, dataDir, run, when, delay);
    if (result.sawReady) readyRuns++;
    if (when === 'streaming') startupMs = Math.round(0.7 * startupMs + 0.3 * (Date.now() - started - delay));
    for (const ack of result.acks) acked.set(ack.id, ack);
    for (const id of result.voids) voided.add(id);
  }
  // The kills really did land among saved intakes.
  expect(readyRuns).toBeGreaterThanOrEqual(RUNS - RUNS / 10 - 1);
  expect(acked.size).toBeGreaterThanOrEqual(RUNS - RUNS / 10 - RUNS / 5);

  // Open the store again, as the next morning.
  const app = testApp(dataDir, { centre });
  await switchUser(app, CLERK.username, CLERK.password);
  const store = app.session.requireUnlocked().store;
  const sql = store.sql;
  if (store.dialect === 'sqlite') {
    // (The server checks its own pages and enforces its foreign keys as it writes.)
    expect(sqliteOf(store).sql.all(`PRAGMA integrity_check`)).toEqual([{ integrity_check: 'ok' }]);
    expect(sqliteOf(store).sql.all(`PRAGMA foreign_key_check`)).toEqual([]);
  }

  // Every acknowledged intake is there, complete, and findable.
  for (const ack of acked.values()) {
    const detail = await app.ok('cases:get', { id: ack.id });
    expect(detail.caseNumber).toBe(ack.caseNumber);
    expect(detail.parties.length).toBeGreaterThanOrEqual(2);
    expect(detail.parties[0]!.name).toBe(ack.applicant);
    expect(detail.history.map((h) => h.action)).toContain('受理登记');
    // An acknowledged void is there; a void the kill cut off before its line may or may not have
    // committed, but then it is complete too (checked for every case below).
    if (voided.has(ack.id)) expect(detail.status).toBe('voided');
    else expect(['accepted', 'voided']).toContain(detail.status);
    expect(
      sql.get(`SELECT case_id AS caseId, state FROM case_numbers WHERE case_number = ?`, ack.caseNumber),
    ).toEqual({
      caseId: ack.id,
      state: detail.status === 'voided' ? 'voided' : 'issued',
    });
    expect(
      sql.get(
        `SELECT count(*) AS n FROM audit_log WHERE action = 'cases:create' AND outcome = 'ok' AND target = ?`,
        ack.id,
      ),
    ).toEqual({ n: 1 });
    const byName = await app.ok('cases:list', { query: ack.applicant, pageSize: 200 });
    expect(byName.items.map((i) => i.id)).toContain(ack.id);
    expect((await app.ok('cases:list', { query: ack.caseNumber })).items.map((i) => i.id)).toEqual([ack.id]);
  }

  // Nothing half-written: each case has its parties, number, history, audit entry and search
  // terms (the search row holds its own case number), whether or not it was acknowledged.
  const all = sql.all<{ id: string; rowid: number; caseNumber: string; status: string }>(
    `SELECT id, rowid, case_number AS caseNumber, status FROM cases`,
  );
  expect(all.length).toBeGreaterThanOrEqual(acked.size);
  for (const c of all) {
    const label = `${c.caseNumber} (${c.id})`;
    expect(
      sql.get<{ n: number }>(`SELECT count(*) AS n FROM case_parties WHERE case_id = ?`, c.id)!.n,
      label,
    ).toBeGreaterThanOrEqual(2);
    expect(
      sql.get(
        `SELECT count(*) AS n FROM case_numbers WHERE case_id = ? AND case_number = ?`,
        c.id,
        c.caseNumber,
      ),
      label,
    ).toEqual({ n: 1 });
    expect(
      sql.get(`SELECT count(*) AS n FROM case_history WHERE case_id = ? AND action = '受理登记'`, c.id),
      label,
    ).toEqual({ n: 1 });
    if (c.status === 'voided') {
      expect(
        sql.get(
          `SELECT count(*) AS n FROM audit_log WHERE action = 'cases:void' AND outcome = 'ok' AND target = ?`,
          c.id,
        ),
        label,
      ).toEqual({ n: 1 });
    } else {
      expect(c.status, label).toBe('accepted');
    }
    expect(
      sql.get(`SELECT count(*) AS n FROM audit_log WHERE action = 'cases:create' AND target = ?`, c.id),
      label,
    ).toEqual({ n: 1 });
    // Its search row was written with it: the desk's search finds it by its number.
    const hits = await app.ok('cases:list', { query: c.caseNumber });
    expect(
      hits.items.map((h) => h.id),
      label,
    ).toContain(c.id);
  }
  // No links to a case or party that is not there, no party outside every case, no number
  // issued for a case that was not saved.
  expect(
    sql.all(
      `SELECT id FROM case_parties WHERE case_id NOT IN (SELECT id FROM cases) OR party_id NOT IN (SELECT id FROM parties)`,
    ),
  ).toEqual([]);
  expect(sql.all(`SELECT id FROM parties WHERE id NOT IN (SELECT party_id FROM case_parties)`)).toEqual([]);
  expect(sql.all(`SELECT case_number FROM case_numbers WHERE case_id NOT IN (SELECT id FROM cases)`)).toEqual(
    [],
  );
  expect(sql.all(`SELECT id FROM case_history WHERE case_id NOT IN (SELECT id FROM cases)`)).toEqual([]);

  // Numbers: unique, and contiguous from 1 per committee and year; the sequence agrees; a
  // voided number stays in the ledger as voided.
  const groups = sql.all<{
    committeeId: string;
    year: number;
    n: number;
    minSeq: number;
    maxSeq: number;
    lastSeq: number | null;
  }>(
    `SELECT n.committee_id AS committeeId, n.year, count(*) AS n, min(n.seq) AS minSeq, max(n.seq) AS maxSeq,
              (SELECT last_seq FROM number_sequences s WHERE s.committee_id = n.committee_id AND s.year = n.year) AS lastSeq
         FROM case_numbers n GROUP BY n.committee_id, n.year`,
  );
  expect(groups.length).toBe(4); // 平 and 平姚 committees, 2025 and 2026

  for (const g of groups) expect(g).toEqual({ ...g, minSeq: 1, n: g.maxSeq, lastSeq: g.maxSeq });
  expect(sql.get(`SELECT count(*) AS n FROM case_numbers`)).toEqual({ n: all.length });
  expect(
    sql.all(
      `SELECT n.case_number FROM case_numbers n JOIN cases c ON c.id = n.case_id WHERE (n.state = 'voided') <> (c.status = 'voided')`,
    ),
  ).toEqual([]);

  // The audit chain, over every sign-in and intake of all the runs, verifies.
  await switchUser(app, ADMIN.username, ADMIN.password);
  expect(await app.ok('audit:verify', {})).toMatchObject({ intact: true });
}
