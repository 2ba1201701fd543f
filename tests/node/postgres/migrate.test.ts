import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sqliteOf, type PgConfig } from '../../../db';
import { copyPlan, parentsFirst, rowsInKeyOrder, type Row } from '../../../db/copy/tables';
import { PgBridge } from '../../../db/postgres/bridge';
import { readSqliteSchema } from '../../../db/postgres/schema/sqlite';
import {
  KEYS_LINE,
  MigrationCheckError,
  migrateToCentre,
  type MigrationProgress,
} from '../../../main/core/centre/migrate';
import { aCase, anOrganisation, aPerson, aRefusal } from '../../fixtures/builders';
import { PDF_FILE } from '../../fixtures/files';
import {
  ADMIN,
  addUser,
  centreDatabase,
  recoveryCodeOf,
  setUpApp,
  switchUser,
  testApp,
} from '../../helpers/app';
import { guideDatabase, ownerRunsScripts } from '../../helpers/guideCentre';
import { ownCluster } from '../../helpers/ownCluster';
import { tempStore } from '../../helpers/store';
import { tempDir } from '../../helpers/tempDir';
import { ORGS } from '../../helpers/workflow';
import { closedWrittenCase, dossierWorld, type DossierWorld } from '../dossier/world';
import { mediatingCase, RICH_PARTIES } from '../documentStore/world';

// 迁移到县中心数据库 (issue 17): a county centre that started on one PC's SQLite file moves to
// the server. The migration copies everything into an empty centre database and compares it
// before committing; afterwards the centre's desks sign in with the same passwords, find the same
// cases and verify the same audit chain. A centre that holds anything is refused, as is a wrong
// password; a copy that does not compare leaves nothing behind. The desk's file never changes.

const clusterOf = ownCluster();

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

function migrate(
  dataDir: string,
  centre: PgConfig,
  who = { username: ADMIN.username, password: ADMIN.password },
) {
  const progress: MigrationProgress[] = [];
  const done = migrateToCentre({ dataDir, ...who, centre, onProgress: (p) => progress.push(p) });
  return { done, progress };
}

/** The tables of the centre's database, by its own catalogue (no schema: none). */
function centreTables(config: PgConfig): number {
  const bridge = PgBridge.open(config);
  try {
    return Number(
      bridge.query<{ n: number }>(`SELECT count(*) AS n FROM pg_tables WHERE schemaname = 'public'`).rows[0]!
        .n,
    );
  } finally {
    bridge.close();
  }
}

/** A desk of the centre, as the wizard would leave it: it works on the server, with no file of its own. */
const centreDesk = (config: PgConfig) => testApp(undefined, { centre: config });

/** 以案定补's 2026 rates; the case is archived, reviewed, graded and paid in a locked settlement. */
async function paidAndLocked(w: DossierWorld, caseId: string) {
  await w.as('admin');
  await w.app.ok('subsidy:saveRules', {
    year: 2026,
    rates: { simple: 10_000, general: 15_000, difficult: 30_000, major: 50_000 },
    oralPercent: 50,
    sectorPercent: 100,
    complexTypes: [],
  });
  await w.asArchivist();
  await w.app.ok('dossiers:file', { caseId, retention: '长期' });
  await w.app.ok('dossiers:archive', {
    caseId,
    missingReason: '当事人身份证复印件在县局复核，复核后补入卷宗',
  });
  await w.app.ok('dossiers:review', {
    caseId,
    reviewedOn: '2026-11-30',
    scores: { intake: 15, investigation: 13, process: 14, agreement: 18, visit: 9, forms: 13, binding: 9 },
  });
  await w.app.ok('subsidy:setGrade', { caseId, grade: 'general' });
  await w.app.ok('subsidy:run', { period: '2026-11' });
  return w.app.ok('subsidy:approve', { period: '2026-11' });
}

describe('迁移到县中心数据库', () => {
  it('copies a desk with everything in it; the centre’s desks sign in with the same passwords, find the same cases and verify the same chain', async () => {
    // The desk on its own file, whatever store the run uses, with a year's kinds of work in it.
    const w = await dossierWorld({ centre: null });
    await w.as('mediator');
    const closed = await closedWrittenCase(w);
    const agreement = await w.app.ok('documents:generate', { caseId: closed, kind: 'agreement' });
    const open = await mediatingCase(w, { repeatReason: '另一起独立纠纷' });
    const attachment = await w.app.ok('workflow:addAttachment', {
      caseId: open,
      fileName: '现场照片说明.pdf',
      mimeType: 'application/pdf',
      dataBase64: PDF_FILE.toString('base64'),
    });
    const settlement = await paidAndLocked(w, closed);
    expect(settlement.state).toBe('locked');
    await w.as('clerk');
    await w.app.ok('intake:refuse', aRefusal({ applicantName: '马福海', applicantPhone: '13709528765' }));
    const numbers = (await w.app.ok('cases:list', {})).items.map((c) => c.caseNumber).sort();
    expect(numbers).toHaveLength(2);
    const recoveryCode = await recoveryCodeOf(w.app);
    await w.app.close();
    const desk = { db: join(w.app.dataDir, 'desk.db'), keys: join(w.app.dataDir, 'keys.json') };
    const before = { db: sha256(desk.db), keys: sha256(desk.keys) };

    const config = centreDatabase()!;
    const { done, progress } = migrate(w.app.dataDir, config);
    const report = await done;

    // Every table and the key file compared equal; what a desk holds is all there.
    expect(report.tables.filter((t) => !t.equal)).toEqual([]);
    const rows = Object.fromEntries(report.tables.map((t) => [t.table, t.rows]));
    expect(rows).toMatchObject({ cases: 2, intake_refusals: 1, attachments: 1, [KEYS_LINE]: 5 });
    for (const table of [
      'parties',
      'case_parties',
      'agreements',
      'document_versions',
      'subsidy_lines',
      'dossiers',
    ])
      expect(rows[table], table).toBeGreaterThan(0);
    for (const t of report.tables) expect(t.centreHash).toBe(t.hash);
    expect(report.cases).toBe(2);
    expect(report.audit).toMatchObject({ intact: true, entries: rows.audit_log });
    expect(report.skipped.map((s) => s.name)).toEqual(expect.arrayContaining(['migrations', 'case_search']));
    expect(progress.filter((p) => p.stage === 'copy')).toHaveLength(report.tables.length - 1);
    expect(progress.at(-1)).toEqual({ stage: 'commit' });
    // The desk's own files are as they were.
    expect({ db: sha256(desk.db), keys: sha256(desk.keys) }).toEqual(before);

    // A desk of the centre: the office, the accounts and their passwords are the desk's.
    const centre = centreDesk(config);
    expect(await centre.ok('auth:status', {})).toMatchObject({
      state: 'locked',
      office: { name: '平罗县人民调解中心' },
    });
    await centre.ok('auth:signIn', { username: ADMIN.username, password: ADMIN.password });
    const verified = await centre.ok('audit:verify', {});
    expect(verified.intact, verified.message).toBe(true);
    // The desk's entries, the move's own (waiting for this first sign-in to sign it) and this
    // sign-in's, one chain.
    expect(verified.checked).toBe(rows.audit_log! + 2);
    const moved = (await centre.ok('audit:list', { page: 1, pageSize: 20, action: 'centre:migrate' })).items;
    expect(moved).toHaveLength(1);
    expect(moved[0]).toMatchObject({
      seq: rows.audit_log! + 1,
      actorName: ADMIN.displayName,
      actionLabel: '迁移到县中心数据库',
      outcome: 'ok',
    });
    expect(moved[0]!.detail).toContain(`“平罗县人民调解中心”工作台（数据目录 ${w.app.dataDir}）`);
    expect(moved[0]!.detail).toContain(`（2 个案件），审计日志 ${rows.audit_log} 条的校验结果与原工作台相同`);

    // The clerk finds both cases by a party's name and by an ID number, through the tokens made again.
    await switchUser(centre, w.users.clerk.username, w.users.clerk.password);
    const byName = await centre.ok('cases:list', { query: RICH_PARTIES[0]!.name });
    expect(byName.items.map((c) => c.caseNumber).sort()).toEqual(numbers);
    const idNumber = (RICH_PARTIES[0] as { idNumber: string }).idNumber;
    expect((await centre.ok('cases:list', { query: idNumber })).total).toBe(2);
    // A new case continues the committee's numbers; its rowid comes after the copied ones.
    const next = await centre.ok(
      'cases:create',
      aCase({ parties: [aPerson({ name: '冯秀兰', idNumber: '640221198503150026' }), anOrganisation()] }),
    );
    expect(next.caseNumber).toBe(numbers[1]!.replace('第0002号', '第0003号'));
    expect((await centre.ok('cases:list', { query: '冯秀兰' })).items.map((c) => c.id)).toEqual([next.id]);

    // The mediator opens the scan and the agreement: the same bytes, sealed on the server.
    await switchUser(centre, w.users.mediator.username, w.users.mediator.password);
    const scan = await centre.ok('workflow:getAttachment', { id: attachment.id });
    expect(Buffer.from(scan.dataBase64, 'base64').equals(PDF_FILE)).toBe(true);
    const document = await centre.ok('documents:get', { versionId: agreement.id });
    expect(createHash('sha256').update(Buffer.from(document.dataBase64, 'base64')).digest('hex')).toBe(
      agreement.sha256,
    );

    // The archivist's locked settlement is still locked, with its total.
    await switchUser(centre, w.archivist.username, w.archivist.password);
    expect(await centre.ok('subsidy:settlement', { period: '2026-11' })).toMatchObject({
      state: 'locked',
      totalFen: settlement.totalFen,
    });

    // A second migration into the centre, now holding all this, is refused and changes nothing.
    const again = migrate(w.app.dataDir, config).done;
    await expect(again).rejects.toThrow(
      /县中心数据库已有数据（[^）]*centre_keys[^）]*）.*不会与已有数据合并/,
    );
    await centre.ok('auth:signOut', {});
    // The recovery code of the desk is the centre's.
    await centre.ok('auth:recover', {
      recoveryCode,
      username: ADMIN.username,
      password: 'Centre2027',
      passwordConfirm: 'Centre2027',
    });
    expect((await centre.ok('users:list', {})).map((u) => u.username).sort()).toEqual(
      ['admin', 'clerk', 'danganyuan', 'fenliu', 'tiaojie'].sort(),
    );
  }, 180_000);

  it('a wrong password, or an account that is not an enabled administrator, is refused before the centre is touched', async () => {
    const app = await setUpApp(undefined, { centre: null });
    const clerk = await addUser(app, 'clerk', ['intake']);
    await app.close();
    const config = centreDatabase()!;

    const wrong = migrate(app.dataDir, config, { username: ADMIN.username, password: 'Wrong1234' }).done;
    await expect(wrong).rejects.toThrow('管理员用户名或密码错误，没有迁移任何数据');
    const unknown = migrate(app.dataDir, config, { username: 'nobody', password: ADMIN.password }).done;
    await expect(unknown).rejects.toThrow('管理员用户名或密码错误');
    const notAdmin = migrate(app.dataDir, config, clerk).done;
    await expect(notAdmin).rejects.toThrow('只有启用中的管理员账号');
    expect(centreTables(config)).toBe(0);

    const elsewhere = migrate(join(app.dataDir, 'nothing-here'), config).done;
    await expect(elsewhere).rejects.toThrow('没有工作台的数据（desk.db 和 keys.json）');
  }, 60_000);

  it('a centre a desk set up is refused: the migration never merges', async () => {
    const config = centreDatabase()!;
    const first = await setUpApp(undefined, { centre: config });
    await first.ok('auth:signOut', {});
    const app = await setUpApp(undefined, { centre: null });
    await app.close();
    await expect(migrate(app.dataDir, config).done).rejects.toThrow(/县中心数据库已有数据/);
    // The centre's own administrator still signs in there, and nothing of the desk's came in.
    await first.ok('auth:signIn', { username: ADMIN.username, password: ADMIN.password });
    expect((await first.ok('users:list', {})).map((u) => u.username)).toEqual([ADMIN.username]);
  }, 60_000);

  it('a copy that does not compare equal commits nothing, and names the table; put right, it goes through', async () => {
    const app = await setUpApp(undefined, { centre: null });
    const clerk = await addUser(app, 'clerk', ['intake'], undefined, { organisationIds: [ORGS.county] });
    await switchUser(app, clerk.username, clerk.password);
    await app.ok('cases:create', aCase());
    // A village's name stored as bytes in the desk's file (as a hand edit could): the centre's
    // text column takes the same characters as text, so the copy reads back differently.
    const raw = sqliteOf(app.session.requireUnlocked().store).sql;
    const village = `UPDATE villages SET name = CAST(name AS %s) WHERE code = '640221100001'`;
    raw.run(village.replace('%s', 'BLOB'));
    await app.close();
    const config = centreDatabase()!;

    const failed = migrate(app.dataDir, config).done;
    await expect(failed).rejects.toThrow(
      '迁移校验未通过：数据表 villages在县中心数据库中与本机不一致（行数相同（182 行），内容校验值不同）',
    );
    const error = await failed.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationCheckError);
    const lines = (error as MigrationCheckError).report.tables;
    expect(lines.filter((l) => !l.equal).map((l) => l.table)).toEqual(['villages']);
    // Nothing of it stayed: the next desk to connect finds an empty centre.
    const desk = testApp(undefined, { centre: null });
    expect(
      await desk.ok('setup:connectCentre', {
        host: config.host,
        port: config.port,
        database: config.database,
        user: config.user,
        password: config.password ?? '',
        tls: config.tls,
      }),
    ).toEqual({ joined: false, office: null });

    const fixed = testApp(app.dataDir, { centre: null });
    await fixed.ok('auth:signIn', { username: ADMIN.username, password: ADMIN.password });
    sqliteOf(fixed.session.requireUnlocked().store).sql.run(village.replace('%s', 'TEXT'));
    await fixed.close();
    const report = await migrate(app.dataDir, config).done;
    expect(report.tables.every((t) => t.equal)).toBe(true);
  }, 60_000);

  it('the command asks for what its environment does not give, prints the table and exits 0; refused, it says why and exits 1', async () => {
    const app = await setUpApp(undefined, { centre: null });
    await app.close();
    const config = centreDatabase()!;
    const ca = join(tempDir(), 'centre-ca.pem');
    writeFileSync(ca, (config.tls as { ca: string }).ca);
    const { DESK_ADMIN_USER: _user, DESK_ADMIN_PASSWORD: _password, ...env } = process.env;
    const run = (args: string[], input = '') =>
      spawnSync(process.execPath, ['--import', 'tsx', 'main/cli/centreMigrate.ts', ...args], {
        cwd: join(import.meta.dirname, '../../..'),
        input,
        encoding: 'utf8',
        env: { ...env, DESK_PG_PASSWORD: config.password },
      });
    const args = [
      ...['--data-dir', app.dataDir, '--host', config.host, '--port', String(config.port)],
      ...['--database', config.database, '--user', config.user, '--ca', ca],
    ];
    const answers = `${ADMIN.username}\n${ADMIN.password}\n`;

    const done = run(args, answers);
    expect(done.status, done.stderr).toBe(0);
    expect(done.stdout).toContain(`管理员 ${ADMIN.username} 的密码：`);
    expect(done.stdout).not.toContain(ADMIN.password);
    expect(done.stdout).toMatch(/\ncases +0 +0 +[0-9a-f]{16} +一致\n/);
    expect(done.stdout).toMatch(/\nusers +1 +1 +[0-9a-f]{16} +一致\n/);
    expect(done.stdout).toContain('迁移完成，全部核对一致');

    const again = run(args, answers);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('县中心数据库已有数据');
    const wrong = run(args.slice(0, -2), answers);
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain('请用 --ca 或 --fingerprint 之一');
  }, 60_000);

  it('runs as the schema’s owner: with the desks’ least-privilege role it is told so and keeps nothing; the desks then work on that role', async () => {
    // The owner runs schema.sql and desk-role.sql, as the operator guide has it.
    const centre = guideDatabase(clusterOf(), 'migrate');
    ownerRunsScripts(centre);
    const app = await setUpApp(undefined, { centre: null });
    const clerk = await addUser(app, 'clerk', ['intake']);
    await switchUser(app, clerk.username, clerk.password);
    const registered = await app.ok('cases:create', aCase());
    await app.close();

    const deskRole = centre.desk;
    await expect(migrate(app.dataDir, deskRole).done).rejects.toThrow(
      '迁移需要以县中心数据库的所有者账号（建表的账号）运行',
    );
    expect((await centreDesk(deskRole).ok('auth:status', {})).state).toBe('uninitialized');

    const report = await migrate(app.dataDir, centre.owner).done;
    expect(report.tables.every((t) => t.equal)).toBe(true);
    const desk = centreDesk(deskRole);
    await desk.ok('auth:signIn', { username: clerk.username, password: clerk.password });
    expect((await desk.ok('cases:get', { id: registered.id })).caseNumber).toBe(registered.caseNumber);
    const next = await desk.ok('cases:create', aCase({ repeatReason: '另一起独立纠纷' }));
    expect(next.caseNumber).toBe(registered.caseNumber.replace('第0001号', '第0002号'));
  }, 60_000);
});

describe('what the migration copies, in which order', () => {
  it('parents before children, the centre’s rowids kept, the index made again rather than copied', async () => {
    const { store } = await tempStore();
    try {
      const plan = copyPlan(readSqliteSchema(store.sql.raw, { rows: false }));
      const order = plan.tables.map((t) => t.name);
      for (const [parent, child] of [
        ['organisations', 'cases'],
        ['parties', 'case_parties'],
        ['cases', 'case_parties'],
        ['subsidy_settlements', 'subsidy_lines'],
      ])
        expect(order.indexOf(parent!), `${parent} before ${child}`).toBeLessThan(order.indexOf(child!));
      const table = (name: string) => plan.tables.find((t) => t.name === name)!;
      expect(table('cases').columns[0]).toBe('rowid');
      expect(table('parties').columns).not.toContain('rowid');
      expect(table('case_scope').key).toEqual(['principal', 'case_rowid']);
      expect(Object.fromEntries(plan.skipped.map((s) => [s.name, s.kind]))).toEqual({
        migrations: 'omitted',
        case_search: 'rebuilt',
        case_search_data: 'storage',
        case_search_idx: 'storage',
        case_search_docsize: 'storage',
        case_search_config: 'storage',
      });

      // The seeded organisations in key order: a committee comes before the centre it belongs to.
      const organisations = table('organisations');
      const rows = [
        ...rowsInKeyOrder(organisations, (text, params) => store.sql.all<Row>(text, ...params)),
      ].flat();
      expect(rows).toHaveLength(29);
      const position = (id: unknown) => rows.findIndex((r) => r.id === id);
      expect(rows.some((r, i) => r.parent_id !== null && position(r.parent_id) > i)).toBe(true);
      const seen = new Set<unknown>();
      for (const row of parentsFirst(organisations, rows)) {
        if (row.parent_id !== null) expect(seen.has(row.parent_id), String(row.name)).toBe(true);
        seen.add(row.id);
      }
      expect(seen.size).toBe(29);
    } finally {
      await store.close();
    }
  });
});
