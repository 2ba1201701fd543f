import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isSealed, open, sealingKeys, token } from '../../../db/postgres/sealed';
import { sealingPlanSource } from '../../../db/postgres/schema/sealingPlan';
import { Sealing } from '../../../db/postgres/sealing';

// The repositories' own INSERT and UPDATE statements, sealed on their way to the server: the
// sealed columns' parameters become sealed bytes, the compared ones get their token beside them,
// everything else is left as it was.

const keys = sealingKeys(randomBytes(32));
// The plan the schema is generated from (db/postgres/schema/columns.ts).
const sealing = new Sealing(sealingPlanSource, keys);

describe('sealing the writes', () => {
  it('seals an INSERT’s sealed columns and adds their tokens after the VALUES list’s parameters', () => {
    const out = sealing.apply(
      `INSERT INTO parties (id, name, kind, id_number, id_suffix, phone) VALUES (?, ?, ?, ?, ?, NULL) ON CONFLICT (id) DO UPDATE SET kind = ?`,
      ['p1', '张三', 'person', '640221195902193898', '3898', 'organisation'],
    );
    expect(out.text).toBe(
      `INSERT INTO parties (id, name, kind, id_number, id_suffix, phone, name_key, id_number_key, id_suffix_key) VALUES (?, ?, ?, ?, ?, NULL, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET kind = ?`,
    );
    const [id, name, kind, idNumber, suffix, nameKey, idKey, suffixKey, onConflict] = out.params;
    expect([id, kind, onConflict]).toEqual(['p1', 'person', 'organisation']);
    expect(isSealed(name) && open(keys, name)).toBe('张三');
    expect(isSealed(idNumber) && open(keys, idNumber)).toBe('640221195902193898');
    expect(isSealed(suffix) && open(keys, suffix)).toBe('3898');
    expect(nameKey).toEqual(token(keys, '张三'));
    expect(idKey).toEqual(token(keys, '640221195902193898'));
    expect(suffixKey).toEqual(token(keys, '3898'));
  });

  it('keeps a token with its value when an upsert takes the new row’s value', () => {
    const out = sealing.apply(
      `INSERT INTO parties (id, name, kind) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET name = excluded.name, kind = excluded.kind WHERE parties.version < 9`,
      ['p1', '张三', 'person'],
    );
    expect(out.text).toBe(
      `INSERT INTO parties (id, name, kind, name_key) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET name = excluded.name, kind = excluded.kind, name_key = excluded.name_key WHERE parties.version < 9`,
    );
  });

  it('seals an UPDATE’s sealed assignments and sets their tokens before the WHERE clause’s parameters', () => {
    const out = sealing.apply(
      `UPDATE parties SET version = version + 1, updated_at = ?, name = ?, phone = ? WHERE id = ? AND version = ?`,
      ['2026-12-07', '李四', '13104297370', 'p1', 3],
    );
    expect(out.text).toBe(
      `UPDATE parties SET version = version + 1, updated_at = ?, name = ?, phone = ?, name_key = ? WHERE id = ? AND version = ?`,
    );
    expect(out.params[0]).toBe('2026-12-07');
    expect(open(keys, out.params[1] as Buffer)).toBe('李四');
    expect(open(keys, out.params[2] as Buffer)).toBe('13104297370');
    expect(out.params.slice(3)).toEqual([token(keys, '李四'), 'p1', 3]);
  });

  it('keeps null as null (no token either), and leaves other tables and statements alone', () => {
    const out = sealing.apply(`INSERT INTO parties (id, name, id_number) VALUES (?, ?, ?)`, [
      'p2',
      '王五',
      null,
    ]);
    expect(out.params.slice(2)).toEqual([null, token(keys, '王五'), null]);
    const other = `INSERT INTO organisations (id, name) VALUES (?, ?)`;
    const organisation = ['o1', '城关镇人民调解委员会'];
    expect(sealing.apply(other, organisation)).toEqual({ text: other, params: organisation });
    const select = `SELECT name FROM parties WHERE id = ?`;
    expect(sealing.apply(select, ['p1'])).toEqual({ text: select, params: ['p1'] });
  });

  it('compares a tokenised column through its token, in SELECTs and in an UPDATE’s WHERE', () => {
    const select = sealing.apply(
      `SELECT p.id FROM parties p JOIN case_parties cp ON cp.party_id = p.id WHERE p.name IN (?, ?) AND cp.role = ? AND p.id_number = ?`,
      ['张三', '李四', 'applicant', '640221195902193898'],
    );
    expect(select.text).toBe(
      `SELECT p.id FROM parties p JOIN case_parties cp ON cp.party_id = p.id WHERE p.name_key IN (?, ?) AND cp.role = ? AND p.id_number_key = ?`,
    );
    expect(select.params).toEqual([
      token(keys, '张三'),
      token(keys, '李四'),
      'applicant',
      token(keys, '640221195902193898'),
    ]);
    const single = sealing.apply(`SELECT id FROM parties WHERE id_suffix = ? AND kind = ?`, [
      '3898',
      'person',
    ]);
    expect(single.params).toEqual([token(keys, '3898'), 'person']);
    // A bare column in a statement that reads other tables too (a subquery on cases): the one
    // table that seals a column of that name. Left as it was, ciphertext would meet the text.
    const nested = sealing.apply(
      `SELECT id, (SELECT count(*) FROM case_parties cp JOIN cases c ON c.id = cp.case_id WHERE cp.party_id = parties.id) AS n
         FROM parties WHERE id_suffix = ? AND deleted_at IS NULL`,
      ['3898'],
    );
    expect(nested.text).toContain('WHERE id_suffix_key = ?');
    expect(nested.params).toEqual([token(keys, '3898')]);
    const update = sealing.apply(
      `UPDATE parties SET name = ?, updated_at = ? WHERE name = ? AND version = ?`,
      ['王五', 't', '张三', 2],
    );
    expect(update.text).toBe(
      `UPDATE parties SET name = ?, updated_at = ?, name_key = ? WHERE name_key = ? AND version = ?`,
    );
    expect(open(keys, update.params[0] as Buffer)).toBe('王五');
    expect(update.params.slice(1)).toEqual(['t', token(keys, '王五'), token(keys, '张三'), 2]);
    // organisations.name is not sealed: left alone.
    const plain = `SELECT o.id FROM organisations o JOIN parties p ON p.id = o.id WHERE o.name = ?`;
    expect(sealing.apply(plain, ['城关镇'])).toEqual({ text: plain, params: ['城关镇'] });
  });

  it('stops a comparison with a sealed column the server cannot compare', () => {
    expect(() => sealing.apply(`SELECT id FROM parties WHERE phone = ?`, ['13104297370'])).toThrow(
      /parties\.phone is sealed: the server cannot compare it/,
    );
    // A bare name two of the statement's tables seal: which one is meant must be said.
    expect(() =>
      sealing.apply(`SELECT p.id FROM parties p JOIN mediators m ON m.name = p.name WHERE id_number = ?`, [
        '640221195902193898',
      ]),
    ).toThrow(/id_number is sealed in parties and mediators: name the table it compares/);
  });

  it('refuses to write a sealed column from anything but a parameter', () => {
    expect(() => sealing.apply(`UPDATE parties SET name = 'x' || ? WHERE id = ?`, ['y', 'p1'])).toThrow(
      /sealed/,
    );
    expect(() => sealing.apply(`INSERT INTO parties (id, name) VALUES (?, upper(?))`, ['p', 'x'])).toThrow(
      /sealed/,
    );
  });
});
