import { describe, expect, it } from 'vitest';
import { addUser, switchUser } from '../../helpers/app';
import { CHENGGUAN_ID, COUNTY_ID, HUANGQUQIAO_ID, setUpOffice, trustEachOther } from '../../helpers/exchange';

describe('机构密钥卡: trusting an office', () => {
  it('shows the same fingerprint on both sides and lists the trusted office', async () => {
    const county = await setUpOffice(COUNTY_ID);
    const town = await setUpOffice(CHENGGUAN_ID);
    const card = await town.ok('exchange:keyCard', {});
    expect(card.fileName).toBe('机构密钥卡-城关镇人民调解委员会.json');
    expect(card.fingerprint).toMatch(/^[0-9A-F]{4}(-[0-9A-F]{4}){3}$/);
    // The township's own screen shows the fingerprint the county reads back over the phone.
    expect((await town.ok('exchange:overview', {})).fingerprint).toBe(card.fingerprint);

    const preview = await county.ok('exchange:previewKeyCard', { card: card.text });
    expect(preview).toEqual({
      office: { id: CHENGGUAN_ID, name: '城关镇人民调解委员会', kind: 'township' },
      fingerprint: card.fingerprint,
      status: 'new',
    });
    await county.ok('exchange:trust', { card: card.text, fingerprint: card.fingerprint.toLowerCase() });
    const overview = await county.ok('exchange:overview', {});
    expect(overview.trusted.map((t) => [t.officeName, t.fingerprint, t.revokedAt])).toEqual([
      ['城关镇人民调解委员会', card.fingerprint, null],
    ]);
    expect((await county.ok('exchange:previewKeyCard', { card: card.text })).status).toBe('same');
    const again = await county.call('exchange:trust', { card: card.text, fingerprint: card.fingerprint });
    expect(again.ok || again.error.message).toMatch(/已信任城关镇人民调解委员会.*无需重复导入/);
  });

  it('refuses a card whose fingerprint the user did not confirm, a tampered card, its own card and a same-level office', async () => {
    const county = await setUpOffice(COUNTY_ID);
    const town = await setUpOffice(CHENGGUAN_ID);
    const other = await setUpOffice(HUANGQUQIAO_ID);
    const card = await town.ok('exchange:keyCard', {});
    const message = async (app: typeof county, text: string, fingerprint = card.fingerprint) => {
      const r = await app.call('exchange:trust', { card: text, fingerprint });
      return r.ok ? 'ok' : r.error.message;
    };
    expect(await message(county, card.text, '0000-0000-0000-0000')).toMatch(
      /与密钥卡的指纹不一致，请与对方电话核对/,
    );
    const json = JSON.parse(card.text) as { signing: string; agreement: string };
    const swapped = JSON.stringify({ ...json, signing: json.agreement });
    expect(await message(county, swapped)).toMatch(/指纹与公钥不符/);
    expect(await message(county, '{"hello":1}')).toMatch(/这不是机构密钥卡文件/);
    expect(await message(county, 'PK\u0003\u0004…')).toMatch(/文件内容不是机构密钥卡/);
    const own = await county.ok('exchange:keyCard', {});
    expect(await message(county, own.text, own.fingerprint)).toMatch(/本机自己的密钥卡/);
    expect(await message(other, card.text)).toMatch(/乡镇调委会只能信任县调解中心的密钥卡/);
    expect((await county.ok('exchange:overview', {})).trusted).toEqual([]);
  });

  it('refuses a card whose encryption key or office was swapped on its way, though its fingerprint still matches', async () => {
    const county = await setUpOffice(COUNTY_ID);
    const town = await setUpOffice(CHENGGUAN_ID);
    const stranger = await setUpOffice(HUANGQUQIAO_ID);
    const card = await town.ok('exchange:keyCard', {});
    const json = JSON.parse(card.text) as Record<string, unknown> & { office: Record<string, string> };
    // Whoever holds the swapped-in key would read every package the county sends to 城关镇.
    const strangersKey = (
      JSON.parse((await stranger.ok('exchange:keyCard', {})).text) as { agreement: string }
    ).agreement;
    const refused = async (text: string) => {
      const r = await county.call('exchange:trust', { card: text, fingerprint: card.fingerprint });
      return r.ok ? 'trusted' : r.error.message;
    };
    expect(await refused(JSON.stringify({ ...json, agreement: strangersKey }))).toBe(
      '机构密钥卡：密钥卡已损坏或被改动：加密公钥或机构信息与签名不符，请让对方重新导出',
    );
    expect(
      await refused(
        JSON.stringify({
          ...json,
          office: { ...json.office, id: HUANGQUQIAO_ID, name: '黄渠桥镇人民调解委员会' },
        }),
      ),
    ).toMatch(/加密公钥或机构信息与签名不符/);
    const { binding: _dropped, ...unsigned } = json;
    expect(await refused(JSON.stringify({ ...unsigned, version: 1 }))).toMatch(
      /旧版软件导出的密钥卡（加密公钥未经签名），请让对方升级软件后重新导出/,
    );
    expect((await county.ok('exchange:overview', {})).trusted).toEqual([]);
    // The card as exported is trusted.
    expect(await refused(card.text)).toBe('trusted');
  });

  it('revokes a trusted office with a reason; a new key needs the old one revoked first', async () => {
    const county = await setUpOffice(COUNTY_ID);
    const town = await setUpOffice(CHENGGUAN_ID);
    await trustEachOther(county, town);
    const reinstalled = await setUpOffice(CHENGGUAN_ID);
    const newCard = await reinstalled.ok('exchange:keyCard', {});
    const blocked = await county.call('exchange:trust', {
      card: newCard.text,
      fingerprint: newCard.fingerprint,
    });
    expect(blocked.ok || blocked.error.message).toMatch(/请先撤销原信任再导入新的密钥卡/);

    const revoked = await county.ok('exchange:revoke', { officeId: CHENGGUAN_ID, reason: '乡镇电脑重装' });
    expect(revoked.revokedAt).not.toBeNull();
    expect(revoked.revokedByName).toBe('王管理');
    expect((await county.ok('exchange:previewKeyCard', { card: newCard.text })).status).toBe('replaces');
    const trusted = await county.ok('exchange:trust', {
      card: newCard.text,
      fingerprint: newCard.fingerprint,
    });
    expect([trusted.fingerprint, trusted.revokedAt]).toEqual([newCard.fingerprint, null]);
    const audit = await county.ok('audit:list', { page: 1, pageSize: 20 });
    expect(audit.items.map((r) => r.actionLabel)).toEqual(
      expect.arrayContaining(['信任机构', '撤销信任机构']),
    );
  });

  it('is the 管理员’s alone', async () => {
    const county = await setUpOffice(COUNTY_ID);
    await addUser(county, 'clerk', ['intake', 'archivist', 'leader']);
    await switchUser(county, 'clerk', 'Passw0rd1');
    const r = await county.call('exchange:overview', {});
    expect(r.ok ? 'ok' : r.error.code).toBe('FORBIDDEN');
  });
});
