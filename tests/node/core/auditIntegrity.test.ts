import { describe, expect, it } from 'vitest';
import { repositories, handleOf } from '../../../db';
import { hashEntry } from '../../../main/core/audit/chain';
import { moveAnchorAfterRestore } from '../../../main/core/audit/anchor';
import { ADMIN, switchUser, type TestApp } from '../../helpers/app';
import { alarms, officeWithHistory, rows, stealKey, withRawDatabase } from './auditWorld';

// What an insider can do with the database key (every user who can sign in can unwrap it) and
// the files, and what the app notices. Each attack is made the way a person would: raw SQL on
// the database (the desk's file, or the centre's database it works on), then signing in as usual.
// A database file replaced by an older copy of itself: auditOlderCopy.test.ts (the desk's file only).

describe('truncating the audit log', () => {
  it('is found at the next sign-in, before the sign-in writes its own entry', async () => {
    const { app } = await officeWithHistory();
    const key = stealKey(app);
    await app.ok('auth:signOut', {});
    let lastBefore = 0;
    await withRawDatabase(app, key, (sql) => {
      lastBefore = sql.get<{ n: number }>(`SELECT max(seq) AS n FROM audit_log`)!.n;
      sql.run(`DELETE FROM audit_log WHERE seq > ?`, lastBefore - 3);
    });
    await app.ok('auth:signIn', { username: ADMIN.username, password: ADMIN.password });

    const verdict = await app.ok('audit:verify', {});
    expect(verdict.intact).toBe(false);
    expect(await alarms(app)).toMatch(new RegExp(`第${lastBefore}条`));
    // The finding is in the log itself, written before the sign-in's own entry.
    const { items } = await app.ok('audit:list', { page: 1, pageSize: 5 });
    const alarm = items.find((e) => e.action === 'audit:alarm')!;
    const signIn = items.find((e) => e.action === 'auth:signIn')!;
    expect(alarm).toMatchObject({ actionLabel: '审计告警', outcome: 'error' });
    expect(alarm.seq).toBeLessThan(signIn.seq);
  });

  it('is found even when the head inside the database is rewritten too (the anchor outside it)', async () => {
    const { app } = await officeWithHistory();
    const key = stealKey(app);
    await app.ok('auth:signOut', {});
    await withRawDatabase(app, key, (sql) => {
      sql.run(`DELETE FROM audit_log WHERE seq > (SELECT max(seq) - 3 FROM audit_log)`);
      const last = sql.get<{ seq: number; hash: string }>(
        `SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1`,
      )!;
      sql.run(`UPDATE settings SET value = ? WHERE key = 'audit.head'`, JSON.stringify(last));
    });
    await app.ok('auth:signIn', { username: ADMIN.username, password: ADMIN.password });
    expect((await app.ok('audit:verify', {})).intact).toBe(false);
    expect(await alarms(app)).toMatch(/链头副本/);
  });

  it('shows the administrator a banner until acknowledged; 校验完整性 then reports the chain intact', async () => {
    const { app } = await officeWithHistory();
    const key = stealKey(app);
    await app.ok('auth:signOut', {});
    await withRawDatabase(app, key, (sql) =>
      sql.run(`DELETE FROM audit_log WHERE seq = (SELECT max(seq) FROM audit_log)`),
    );
    await app.ok('auth:signIn', { username: ADMIN.username, password: ADMIN.password });
    const { items } = await app.ok('audit:alarms', {});
    expect(items).toHaveLength(1);
    await app.ok('audit:acknowledge', { throughSeq: items[0]!.seq });
    expect((await app.ok('audit:alarms', {})).items).toHaveLength(0);
    expect(await app.ok('audit:verify', {})).toMatchObject({ intact: true });
    const { items: log } = await app.ok('audit:list', { page: 1, pageSize: 1 });
    expect(log[0]).toMatchObject({ action: 'audit:acknowledge', actorName: ADMIN.displayName });
  });
});

describe('one user rewriting another user’s entries with the database key', () => {
  /** The clerk, signed in, edits the admin's settings entry and recomputes every hash after it. */
  async function rewriteAdminsEntry(app: TestApp, resign: boolean) {
    const store = app.session.requireUnlocked().store;
    const sql = store.sql;
    const all = rows(sql);
    const target = all.find((r) => r.action === 'settings:update')!;
    let prevHash = target.prevHash;
    for (const row of all.filter((r) => r.seq >= target.seq)) {
      const changed = { ...row, prevHash };
      if (row.seq === target.seq) changed.detail = '无操作自动锁定（分钟）：10 → 60';
      if (resign) {
        // The best the clerk can do: sign with their own key (the session holds it).
        changed.signerId = app.session.actor!.userId;
      }
      const { hash: _old, signature: _sig, ...fields } = changed;
      const hash = hashEntry(fields);
      const signature = resign ? app.session.requireUnlocked().signer.sign(hash) : row.signature;
      sql.run(
        `UPDATE audit_log SET detail = ?, prev_hash = ?, hash = ?, signer_id = ?, signature = ? WHERE seq = ?`,
        changed.detail,
        prevHash,
        hash,
        changed.signerId,
        signature,
        row.seq,
      );
      prevHash = hash;
    }
    const last = rows(sql).at(-1)!;
    sql.run(
      `UPDATE settings SET value = ? WHERE key = 'audit.head'`,
      JSON.stringify({ seq: last.seq, hash: last.hash }),
    );
    // Someone with the files moves the anchor along.
    moveAnchorAfterRestore(app.dataDir, { seq: last.seq, hash: last.hash });
  }

  it.each([
    ['keeping the admin’s signatures: they no longer match', false],
    ['re-signing with the clerk’s own key: signer and actor differ', true],
  ])('is detected, %s', async (_how, resign) => {
    const { app, clerk } = await officeWithHistory();
    await switchUser(app, 'clerk', clerk.password);
    await rewriteAdminsEntry(app, resign);
    await switchUser(app, ADMIN.username, ADMIN.password);
    const verdict = await app.ok('audit:verify', {});
    expect(verdict.intact).toBe(false);
    expect(verdict.message).toMatch(resign ? /第\d+条的签名人与操作人不符/ : /第\d+条的签名无效/);
  });

  it('cannot swap the admin’s public key for one of their own without the admin noticing', async () => {
    const { app, clerk } = await officeWithHistory();
    await switchUser(app, 'clerk', clerk.password);
    const store = app.session.requireUnlocked().store;
    const adminId = rows(store.sql).find((r) => r.action === 'setup:complete')!.actorId!;
    // The clerk enrols a key of their own in the admin's name and writes an entry "by the admin".
    const { SigningKey } = await import('../../../main/core/audit/signing');
    const forged = SigningKey.generate();
    const repos = repositories(handleOf(store));
    const { appendAudit } = await import('../../../main/core/audit/log');
    const signer = { userId: adminId, key: forged };
    const admin = { userId: adminId, displayName: ADMIN.displayName };
    for (const event of [
      { action: 'audit:keyEnrolled', enrols: { userId: adminId, publicKey: forged.publicKey } },
      { action: 'users:disable' },
    ]) {
      await appendAudit(repos, app.clock, signer, { ...event, outcome: 'ok', actor: admin, target: adminId });
    }
    const last = rows(store.sql).at(-1)!;
    moveAnchorAfterRestore(app.dataDir, { seq: last.seq, hash: last.hash });
    await app.call('auth:signOut', {});
    await app.ok('auth:signIn', { username: ADMIN.username, password: ADMIN.password });
    expect(await alarms(app)).toMatch(/签名密钥/);
  });
});
