// Unified social credit codes (统一社会信用代码, GB 32100-2015) for organisation parties.
// A wrong check character is only a WARNING: some codes printed on real business licences are
// reported to fail the check, and the clerk must be able to save what the licence says.

const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** W_i = 3^(i-1) mod 31 */
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
/** GB 11714 organisation-code weights for characters 9–16. */
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;
/** Letters people type for digits that the charset leaves out on purpose. */
const LOOKALIKES: Record<string, string> = { I: '1', O: '0', Z: '2', S: '5' };

export interface CreditCodeParts {
  /** 登记管理部门代码, 1st character (e.g. 9 = 工商). */
  registrationAuthority: string;
  /** 机构类别代码, 2nd character (e.g. 1 = 企业). */
  organisationCategory: string;
  /** 登记管理机关行政区划码, characters 3–8. */
  regionCode: string;
  /** 主体标识码 (组织机构代码, GB 11714), characters 9–17. */
  organisationCode: string;
}

/** Extra information only: the inner GB 11714 check on characters 9–17. */
export interface OrganisationCodeCheck {
  ok: boolean;
  expectedCheckChar: string;
  message?: string;
}

export type CreditCodeCheck =
  | {
      status: 'valid';
      normalized: string;
      parts: CreditCodeParts;
      organisationCodeCheck: OrganisationCodeCheck;
    }
  | {
      status: 'warning';
      normalized: string;
      parts: CreditCodeParts;
      organisationCodeCheck: OrganisationCodeCheck;
      expectedCheckChar: string;
      message: string;
    }
  | { status: 'invalid'; reason: 'empty' | 'format'; message: string };

export const CREDIT_CODE_FORMAT_MESSAGE =
  '统一社会信用代码应为18位，由数字和大写字母组成（不含字母I、O、Z、S、V）';

/** The 18th character for the first 17 (which must already be in the charset). */
export function creditCodeCheckChar(first17: string): string {
  if (first17.length !== 17) throw new RangeError('计算校验位需要前17位代码');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += charValue(first17[i]!) * WEIGHTS[i]!;
  const c = 31 - (sum % 31);
  return CHARSET[c === 31 ? 0 : c]!;
}

/** GB 11714 check character for an 8-character organisation code body. */
export function organisationCodeCheckChar(body8: string): string {
  if (!/^[0-9A-Z]{8}$/.test(body8)) throw new RangeError('计算组织机构代码校验位需要8位数字或大写字母');
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const code = body8.charCodeAt(i);
    const value = code <= 57 ? code - 48 : code - 55; // A = 10 … Z = 35
    sum += value * ORG_WEIGHTS[i]!;
  }
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

export function checkCreditCode(raw: string): CreditCodeCheck {
  const code = raw
    .normalize('NFKC')
    .replace(/[\s-]+/g, '')
    .toUpperCase();
  if (code === '') return { status: 'invalid', reason: 'empty', message: '请填写统一社会信用代码' };

  // The 18th character is only checked against the computed one (a warning), so a code whose
  // last character is outside the charset still reaches the clerk as "should be …".
  const bad = [...code].find((c, i) => !CHARSET.includes(c) && !(i === 17 && /[0-9A-Z]/.test(c)));
  if (bad !== undefined) {
    const hint = LOOKALIKES[bad] ? `，请核对是否应为数字${LOOKALIKES[bad]}` : '，请核对营业执照';
    const what = /[A-Z]/.test(bad) ? `字母“${bad}”` : `字符“${bad}”`;
    return { status: 'invalid', reason: 'format', message: `统一社会信用代码中不会出现${what}${hint}` };
  }
  if (code.length !== 18) {
    return {
      status: 'invalid',
      reason: 'format',
      message: `${CREDIT_CODE_FORMAT_MESSAGE}（现在是${code.length}位）`,
    };
  }

  const parts: CreditCodeParts = {
    registrationAuthority: code[0]!,
    organisationCategory: code[1]!,
    regionCode: code.slice(2, 8),
    organisationCode: code.slice(8, 17),
  };
  const organisationCodeCheck = checkOrganisationCode(parts.organisationCode);
  const expected = creditCodeCheckChar(code.slice(0, 17));
  if (code[17] === expected) return { status: 'valid', normalized: code, parts, organisationCodeCheck };
  return {
    status: 'warning',
    normalized: code,
    parts,
    organisationCodeCheck,
    expectedCheckChar: expected,
    message:
      `统一社会信用代码校验位不符：按前17位计算，最后一位应为“${expected}”。` +
      '请与营业执照核对；如执照上就是这样，可以照原样保存',
  };
}

function checkOrganisationCode(orgCode: string): OrganisationCodeCheck {
  const expected = organisationCodeCheckChar(orgCode.slice(0, 8));
  if (orgCode[8] === expected) return { ok: true, expectedCheckChar: expected };
  return {
    ok: false,
    expectedCheckChar: expected,
    message: `其中的组织机构代码（第9–17位）校验不符：按第9–16位计算，第17位应为“${expected}”`,
  };
}

function charValue(c: string): number {
  const v = CHARSET.indexOf(c);
  if (v < 0) throw new RangeError(`统一社会信用代码中不会出现字符“${c}”`);
  return v;
}
