import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { CaseRecord } from '../../../main/contract/exchange/caseRecords';
import { CHENGGUAN_ID, HUANGQUQIAO_ID } from '../../helpers/exchange';
import { escalatedToCounty, exchange, offices, registerCase, type Desk } from '../../helpers/exchangeCases';
import { fresh, refusal, signedPackage } from '../../helpers/exchangeCraft';

// The hostile reader on case records (issue 14): a township may send only the cases it holds,
// their records, the parties in them and its own roster, each in the contract's format. Anything
// else refuses the whole package, with the county's database unchanged.

/** A record as the office stores it (the format a package carries). */
function stored(d: Desk, table: 'cases' | 'parties' | 'mediators', id: string): CaseRecord {
  return d.app.session.repos().exchangeRows.get(table, id)!;
}

function history(caseId: string): CaseRecord {
  const made = fresh(CHENGGUAN_ID);
  return {
    ...made,
    caseId,
    at: made.createdAt,
    actorId: randomUUID(),
    actorName: '城关镇某人',
    action: '修改登记信息',
    changes: '[]',
    note: null,
  };
}

describe('a package with case records the township may not send is refused, nothing changed', () => {
  it('accepts the township’s own case (the baseline)', async () => {
    const { county, town } = await offices();
    await registerCase(town);
    const { imported } = await exchange(town, county);
    expect(imported.counts.cases.new).toBe(1);
  });

  it('a case of another township', async () => {
    const { town, pair } = await offices();
    const c = await registerCase(town);
    const theirs = { ...stored(town, 'cases', c.id), committeeId: HUANGQUQIAO_ID };
    const path = await signedPackage(pair, [{ t: 'cases', r: theirs }]);
    expect(await refusal(pair.county, path)).toBe(
      `数据包不能导入：第1条记录（案件“${c.caseNumber}”）不在城关镇人民调解委员会的范围内，城关镇人民调解委员会无权发送它`,
    );
  });

  it('a record added to a case the county holds', async () => {
    const { county, pair } = await offices();
    const own = await registerCase(county);
    const path = await signedPackage(pair, [{ t: 'case_history', r: history(own.id) }]);
    await county.admin();
    expect(await refusal(pair.county, path)).toBe(
      '数据包不能导入：第1条记录（办理经过）所属的案件不在城关镇人民调解委员会的范围内，城关镇人民调解委员会无权发送它',
    );
  });

  it('a change to a case the township escalated and the county now handles', async () => {
    const { county, town, pair } = await offices();
    const c = await escalatedToCounty(town, county);
    await county.admin();
    const row = stored(town, 'cases', c.id);
    const changed = {
      ...row,
      version: row.version + 5,
      summary: '乡镇在上报后又改写了案情，县中心并不知情。',
    };
    const refused = `数据包不能导入：第1条记录（案件“${c.caseNumber}”）不在城关镇人民调解委员会的范围内，城关镇人民调解委员会无权发送它`;
    const path = await signedPackage(pair, [{ t: 'cases', r: changed }], {
      sequence: 2,
      receipt: { throughSequence: 0 },
    });
    expect(await refusal(pair.county, path)).toBe(refused);
    // Calling it a resend does not help: the county only takes its cases back after its own
    // restore, when it asked for them.
    const resent = await signedPackage(pair, [{ t: 'cases', r: changed }], {
      sequence: 3,
      receipt: { throughSequence: 0 },
      resend: true,
    });
    expect(await refusal(pair.county, resent)).toBe(refused);
  });

  it('a party in none of the package’s cases', async () => {
    const { town, pair } = await offices();
    const c = await registerCase(town);
    const partyId = town.app.session.repos().cases.parties(c.id)[0]!.partyId;
    const path = await signedPackage(pair, [{ t: 'parties', r: stored(town, 'parties', partyId) }]);
    expect(await refusal(pair.county, path)).toBe(
      '数据包不能导入：第1条记录（当事人）不属于城关镇人民调解委员会发送的任何案件，城关镇人民调解委员会无权发送它',
    );
  });

  it('a mediator on another office’s roster', async () => {
    const { county, pair } = await offices();
    const path = await signedPackage(pair, [
      { t: 'mediators', r: stored(county, 'mediators', county.mediatorId) },
    ]);
    const refused =
      '数据包不能导入：第1条记录（调解员“县中心调解员”）属于其他机构的名册，城关镇人民调解委员会无权发送它';
    expect(await refusal(pair.county, path)).toBe(refused);
    // Nor as a resend: the county takes its own roster back only after its own restore.
    const resent = await signedPackage(
      pair,
      [{ t: 'mediators', r: stored(county, 'mediators', county.mediatorId) }],
      {
        sequence: 2,
        receipt: { throughSequence: 0 },
        resend: true,
      },
    );
    expect(await refusal(pair.county, resent)).toBe(refused);
  });

  it('a case record that fails the contract’s schema', async () => {
    const { town, pair } = await offices();
    const c = await registerCase(town);
    const path = await signedPackage(pair, [
      { t: 'cases', r: { ...stored(town, 'cases', c.id), amountFen: '八百元' } },
    ]);
    expect(await refusal(pair.county, path)).toBe(
      '数据包不能导入：第1条记录不符合格式：r.amountFen 应为整数',
    );
    const extra = await signedPackage(pair, [
      { t: 'cases', r: { ...stored(town, 'cases', c.id), secret: 'x' } },
    ]);
    expect(await refusal(pair.county, extra)).toMatch(/第1条记录不符合格式/);
  });

  it('a document of a case the county holds, and a file that is not base64', async () => {
    const { county, pair } = await offices();
    const own = await registerCase(county);
    const document = {
      ...fresh(CHENGGUAN_ID),
      caseId: own.id,
      kind: 'agreement',
      versionNo: 1,
      title: '人民调解协议书',
      fileName: '人民调解协议书.docx',
      size: 4,
      sha256: 'a'.repeat(64),
      fingerprint: null,
      shortCode: null,
      caseNumber: own.caseNumber,
      agreementNumber: null,
      generatedBy: 'someone',
      generatedByName: '城关镇某人',
      data: Buffer.from('docx').toString('base64'),
    };
    await county.admin();
    const theirs = await signedPackage(pair, [{ t: 'document_versions', r: document }]);
    expect(await refusal(pair.county, theirs)).toBe(
      '数据包不能导入：第1条记录（文书）所属的案件不在城关镇人民调解委员会的范围内，城关镇人民调解委员会无权发送它',
    );
    const garbled = await signedPackage(pair, [
      { t: 'document_versions', r: { ...document, data: '不是文件' } },
    ]);
    expect(await refusal(pair.county, garbled)).toBe(
      '数据包不能导入：第1条记录不符合格式：r.data 文件内容格式不正确',
    );
  });

  it('an archived dossier (归档版本) of no dossier the township may send', async () => {
    const { county, pair } = await offices();
    const archive = {
      ...fresh(CHENGGUAN_ID),
      dossierId: randomUUID(),
      revision: 1,
      archivedByName: '城关镇某人',
      pageCount: 1,
      sha256: 'a'.repeat(64),
      missingReason: null,
      reopenedAt: null,
      reopenedByName: null,
      reopenReason: null,
      pdf: Buffer.from('%PDF-1.7').toString('base64'),
    };
    await county.admin();
    const path = await signedPackage(pair, [{ t: 'dossier_archives', r: archive }]);
    expect(await refusal(pair.county, path)).toBe(
      '数据包不能导入：第1条记录（卷宗归档版本）所属的案件不在城关镇人民调解委员会的范围内，城关镇人民调解委员会无权发送它',
    );
  });

  it('a case whose dispute type this office does not have', async () => {
    const { town, pair } = await offices();
    const c = await registerCase(town);
    const path = await signedPackage(pair, [
      { t: 'cases', r: { ...stored(town, 'cases', c.id), disputeType: 'made_up' } },
    ]);
    expect(await refusal(pair.county, path)).toBe(
      '数据包不能导入：第1条记录（案件）引用了本机没有的数据（如自定义的纠纷类型或调解组织），请先统一县乡目录',
    );
  });
});
