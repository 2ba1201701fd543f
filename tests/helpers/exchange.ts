import { ADMIN, testApp, type TestApp } from './app';
import { tempDir } from './tempDir';

// Two installations of the exchange (issue 14): the county centre and a township committee,
// each in its own data directory with its own services.

export const COUNTY_ID = '7da55d92-5712-44e5-beb3-bda8994c7a55';
export const CHENGGUAN_ID = '2dc93d7a-271f-4463-b352-6df512232bdc';
export const HUANGQUQIAO_ID = '70fe68e3-6f0d-4ad0-bf3c-54c3da2bb0e3';

/** A set-up installation of the given office with its 管理员 signed in. */
export async function setUpOffice(officeId: string, dataDir = tempDir()): Promise<TestApp> {
  const app = testApp(dataDir);
  const { recoveryCode } = await app.ok('setup:begin', {});
  await app.ok('setup:complete', {
    office: { kind: 'listed', id: officeId },
    admin: { ...ADMIN, passwordConfirm: ADMIN.password },
    recoveryCode,
  });
  return app;
}

/** Each side imports the other's 机构密钥卡, after comparing the fingerprint. */
export async function trustEachOther(a: TestApp, b: TestApp): Promise<void> {
  for (const [from, to] of [
    [a, b],
    [b, a],
  ] as const) {
    const card = await from.ok('exchange:keyCard', {});
    await to.ok('exchange:trust', { card: card.text, fingerprint: card.fingerprint });
  }
}
