import { describe, expect, it } from 'vitest';
import {
  agreementFingerprint,
  agreementVerification,
  canonicalAgreement,
  parseVerificationInput,
  verificationMatches,
} from '../../../main/core/documents';
import { stableStringify } from '../../../main/core/documents/verification';
import { anAgreement, richCase } from '../../fixtures/documentCase';

// The 核验码 on a printed agreement: a SHA-256 of what the agreement prints, a 12-character code
// for typing and a QR payload for scanning. Any change to a printed term must change it; facts
// recorded after printing (the effective date) must not.

const CODE = /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

describe('agreement verification', () => {
  it('round-trips the QR payload', async () => {
    const c = richCase();
    const v = await agreementVerification(c);
    expect(v.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(v.shortCode).toMatch(CODE);
    expect(v.payload).toBe(`TJHY1|（2026）平渠人调字第37号|（2026）平渠人调协字第37号|${v.hash}`);
    expect(v.qrPng.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));

    const parsed = parseVerificationInput(v.payload);
    expect(parsed).toEqual({
      kind: 'payload',
      caseNumber: c.caseNumber,
      agreementNumber: c.agreement!.number,
      hash: v.hash,
      shortCode: v.shortCode,
    });
    expect(verificationMatches(c, parsed)).toBe(true);
  });

  it('round-trips the short code as a clerk might type it', () => {
    const c = richCase();
    const { shortCode } = agreementFingerprint(c);
    const sloppy = ` ${shortCode.toLowerCase().replace(/-/g, ' ').replace(/0/g, 'o').replace(/1/g, 'l')} `;
    const parsed = parseVerificationInput(sloppy);
    expect(parsed).toEqual({ kind: 'shortCode', shortCode });
    expect(verificationMatches(c, parsed)).toBe(true);
  });

  it('changes when a term changes, and the old code no longer matches', () => {
    const original = richCase();
    const before = agreementFingerprint(original);
    const terms = [...original.agreement!.terms];
    terms[0] = terms[0]!.replace('58,300', '53,800');
    const altered = { ...original, agreement: anAgreement({ terms }) };
    const after = agreementFingerprint(altered);
    expect(after.hash).not.toBe(before.hash);
    expect(after.shortCode).not.toBe(before.shortCode);
    expect(verificationMatches(altered, parseVerificationInput(before.payload))).toBe(false);
    expect(verificationMatches(altered, parseVerificationInput(before.shortCode))).toBe(false);
  });

  it('changes with the amount, a party ID number or the agreement number', () => {
    const base = agreementFingerprint(richCase()).hash;
    const amount = { ...richCase(), agreement: anAgreement({ amountFen: 8_630_001 }) };
    const number = { ...richCase(), agreement: anAgreement({ number: '（2026）平渠人调协字第38号' }) };
    const id = richCase();
    id.parties[2] = {
      ...id.parties[2]!,
      kind: 'person',
      idNumber: '640221196803121033',
    } as (typeof id.parties)[2];
    for (const changed of [amount, number, id]) expect(agreementFingerprint(changed).hash).not.toBe(base);
  });

  it('ignores what is recorded after printing (effective date, return visits)', () => {
    const base = agreementFingerprint(richCase()).hash;
    const later = {
      ...richCase(),
      agreement: anAgreement({ effectiveDate: '2026-11-20' }),
      returnVisits: [],
    };
    expect(agreementFingerprint(later).hash).toBe(base);
  });

  it('is canonical: key order and Unicode normalisation do not matter', () => {
    expect(stableStringify({ b: 1, a: [{ d: 'x', c: undefined }] })).toBe('{"a":[{"d":"x"}],"b":1}');
    expect(stableStringify('e\u0301')).toBe(stableStringify('\u00e9'));
    expect(canonicalAgreement(richCase())).toBe(canonicalAgreement(richCase()));
  });

  it('explains input it cannot read', () => {
    expect(parseVerificationInput('hello')).toMatchObject({ kind: 'invalid' });
    expect(parseVerificationInput('TJHY1|a|b|not-a-hash')).toEqual({
      kind: 'invalid',
      message: '二维码内容不完整或已损坏，请重新扫描',
    });
    expect(parseVerificationInput('ABCD-EFGH-IJKU')).toMatchObject({ kind: 'invalid' }); // U is not in the alphabet
    expect(verificationMatches(richCase(), parseVerificationInput('hello'))).toBe(false);
  });
});
