import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  caseNumberOf,
  formatFenCapital,
  mayHaveParent as contractMayHaveParent,
  organisationKinds,
  previewCaseNumber,
} from '../../../main/contract';
import { newRecoveryCode, normalizeRecoveryCode } from '../../../main/core/auth/recoveryCode';
import { formatCaseNumber } from '../../../main/core/cases/caseNumber';
import { CROCKFORD_ALPHABET } from '../../../main/core/crockford';
import * as coreDates from '../../../main/core/dates';
import * as documentConfirmation from '../../../main/core/documents/confirmation';
import * as layoutDates from '../../../main/core/documents/layout/dates';
import { capitalYuan } from '../../../main/core/documents/layout/money';
import { parseVerificationInput, shortCodeOf } from '../../../main/core/documents/verification';
import * as deadlines from '../../../main/core/workflow/deadlines';
import { defaultSettings } from '../../../main/contract';

// Issue 8 §4: rules that lived in two places and would drift apart now have one home each. Each
// test would fail if a second copy came back: the same function object is exported on both
// sides, and the tell-tale tables of each rule appear in exactly one source file.

const ROOT = join(import.meta.dirname, '../../..');

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(ROOT, dir))) {
    const path = join(dir, name);
    if (statSync(join(ROOT, path)).isDirectory()) out.push(...sources(path));
    else if (/\.(ts|tsx)$/.test(name)) out.push(path);
  }
  return out;
}
const ALL = [...sources('main'), ...sources('renderer'), ...sources('db')].map((path) => ({
  path: relative(ROOT, join(ROOT, path)),
  text: readFileSync(join(ROOT, path), 'utf8'),
}));
/** Source files (main, renderer, db) whose text matches. */
const filesWith = (needle: string | RegExp) =>
  ALL.filter((f) => (typeof needle === 'string' ? f.text.includes(needle) : needle.test(f.text))).map(
    (f) => f.path,
  );

describe('one home for each rule', () => {
  it('date arithmetic: main/core/dates.ts (dayjs, and Date.UTC for adding days and months); the documents print with it', () => {
    expect(layoutDates.addDays).toBe(coreDates.addDays);
    expect(layoutDates.daysBetween).toBe(coreDates.daysBetween);
    expect(layoutDates.ageAt).toBe(coreDates.ageAt);
    expect(filesWith('Date.UTC(')).toEqual(['main/core/dates.ts']);
    expect(filesWith(/from 'dayjs'/).filter((p) => p.startsWith('main/'))).toEqual(['main/core/dates.ts']);
    expect(coreDates.addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(coreDates.addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(coreDates.daysBetween('2026-11-17', '2026-12-17')).toBe(30);
  });

  it('impossible dates give no deadline: arithmetic refuses them instead of overflowing', () => {
    for (const bad of ['2026-02-30', '2026-00-00', '2026-11-99', '2026-13-01']) {
      expect(() => coreDates.addDays(bad, 30), bad).toThrow(RangeError);
      expect(() => coreDates.daysBetween(bad, '2026-11-30'), bad).toThrow(RangeError);
      expect(
        () =>
          deadlines.mediationDeadline(
            { receivedOn: bad, source: 'party_application', courtProcedure: null, mediationDeadline: null },
            defaultSettings,
          ),
        bad,
      ).toThrow(RangeError);
    }
  });

  it('the 30-day judicial-confirmation window: documents/confirmation.ts', () => {
    expect(deadlines.confirmationDeadline).toBe(documentConfirmation.confirmationDeadline);
    expect(deadlines.CONFIRMATION_WINDOW_DAYS).toBe(documentConfirmation.CONFIRMATION_WINDOW_DAYS);
    expect(filesWith(/CONFIRMATION_WINDOW_DAYS\s*=/)).toEqual(['main/core/documents/confirmation.ts']);
    expect(deadlines.confirmationDeadline('2027-02-01')).toBe('2027-03-03');
  });

  it('Crockford base32: main/core/crockford.ts, for the recovery code and the verification code', () => {
    expect(filesWith(CROCKFORD_ALPHABET)).toEqual(['main/core/crockford.ts']);
    expect(filesWith(/\[IL\]/)).toEqual(['main/core/crockford.ts']);
    const code = newRecoveryCode();
    expect(code).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){5}[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(normalizeRecoveryCode(code.toLowerCase().replace(/-/g, ' — '))).toBe(code.replace(/-/g, ''));
    const short = shortCodeOf('ab'.repeat(32));
    expect(parseVerificationInput(short.toLowerCase().replace(/0/g, 'o'))).toEqual({
      kind: 'shortCode',
      shortCode: short,
    });
  });

  it('file-type sniffing: main/core/files/fileType.ts, for attachments and signed scans', () => {
    expect(filesWith('%PDF')).toEqual(['main/core/files/fileType.ts']);
    expect(filesWith(/0x89,\s*0x50,\s*0x4e,\s*0x47/)).toEqual(['main/core/files/fileType.ts']);
  });

  it('committee composition and the organisation tree: the contract, enforced by the service, shown by the screen', () => {
    expect(filesWith(/MIN_MEMBERS\s*=/)).toEqual(['main/contract/rules/composition.ts']);
    expect(filesWith(/county_center:\s*\{\s*parents/)).toEqual(['main/contract/rules/organisationTree.ts']);
    expect(filesWith(/allowedParents|parentRules/).filter((p) => !p.startsWith('main/contract/'))).toEqual(
      [],
    );
    // The screen may only offer what the service accepts: every root kind is accepted as a root.
    for (const kind of organisationKinds) expect(typeof contractMayHaveParent(kind, null)).toBe('boolean');
  });

  it('case numbers: one formatter for the preview beside the pattern and the real allocation', () => {
    expect(filesWith(/replace\(\/｛\/g/)).toEqual(['main/contract/rules/caseNumber.ts']);
    for (const pattern of [
      '（{year}）{abbr}调字第{seq:4}号',
      '({year}){abbr}调字第｛seq：6｝号',
      '平{abbr}{year}-{seq}',
    ]) {
      for (const seq of [1, 37, 12345]) {
        const parts = { year: 2026, abbr: '平医', seq };
        expect(previewCaseNumber(pattern, '平医', 2026, seq)).toEqual(caseNumberOf(pattern, parts));
        expect(formatCaseNumber(pattern, parts)).toBe(
          (caseNumberOf(pattern, parts) as { text: string }).text,
        );
      }
    }
  });

  it('人民币大写: the contract (validation/amount.ts), shown by the forms and printed by the documents', () => {
    expect(filesWith('零壹贰叁肆伍陆柒捌玖')).toEqual(['main/contract/validation/amount.ts']);
    for (let fen = 0; fen < 200_000_000_000; fen = fen * 7 + 13)
      expect(capitalYuan(fen)).toBe(formatFenCapital(fen));
  });
});
