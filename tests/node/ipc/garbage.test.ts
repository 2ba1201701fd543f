import { describe, expect, it } from 'vitest';
import { channelNames, roles } from '../../../main/contract';
import { addUser, setUpApp, switchUser } from '../../helpers/app';

function deep(levels: number): unknown {
  let value: unknown = 'x';
  for (let i = 0; i < levels; i++) value = { a: value };
  return value;
}

const garbage: unknown[] = [
  null,
  undefined,
  42,
  'x',
  true,
  [],
  [1, 2, 3],
  { evil: 1 },
  { username: 'a'.repeat(200_000), password: 'b' },
  { id: "1' OR '1'='1" },
  { id: 'x'.repeat(10), displayName: '\u0000\u0007控制字符', roles: ['root'] },
  { page: -1, pageSize: 1e9 },
  { idleLockMinutes: '10; DROP TABLE users' },
  { username: '😀😀😀', password: '🔑'.repeat(200) },
  deep(2000),
  { __proto__: { polluted: true } },
  { constructor: { prototype: { polluted: true } } },
];

describe('garbage input to every channel', () => {
  it('answers VALIDATION with a Chinese message, stores nothing and keeps working', async () => {
    const app = await setUpApp();
    const everything = await addUser(app, 'all_roles', [...roles]);
    await switchUser(app, everything.username, everything.password);
    const usersBefore = (await app.ok('users:list', {})).length;
    for (const name of channelNames) {
      if (name === 'auth:signOut') continue;
      for (const input of garbage) {
        const result = await app.dispatch(name, input);
        expect(result, `${name} ← ${JSON.stringify(input)?.slice(0, 60)}`).toMatchObject({
          ok: false,
          error: { code: 'VALIDATION' },
        });
        if (!result.ok) expect(result.error.message).toMatch(/[\u4e00-\u9fff]/);
      }
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(await app.ok('users:list', {})).toHaveLength(usersBefore);
    expect((await app.ok('audit:verify', {})).intact).toBe(true);
  });

  it('names the field that is wrong', async () => {
    const app = await setUpApp();
    const result = await app.call('users:create', {
      username: 'ok_name',
      displayName: '张',
      roles: ['intake'],
      password: 'Passw0rd1',
    });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: '姓名：姓名至少2个字' },
    });
    const roles = await app.call('users:create', {
      username: 'ok_name',
      displayName: '张三',
      roles: [],
      password: 'Passw0rd1',
    });
    expect(roles).toMatchObject({ ok: false, error: { message: '角色：至少选择一个角色' } });
    const weak = await app.call('users:create', {
      username: 'ok_name',
      displayName: '张三',
      roles: ['intake'],
      password: 'abcdefgh',
    });
    expect(weak).toMatchObject({ ok: false, error: { message: '初始密码：密码须同时包含字母和数字' } });
  });
});
