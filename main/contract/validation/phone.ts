// Contact phone numbers for parties. Stored normalised so the same number typed two ways is the
// same number (search, duplicate-party checks, the 司法确认 application's contact line).

export type PhoneKind = 'mobile' | 'landline';

export type PhoneCheck = { ok: true; normalized: string; kind: PhoneKind } | { ok: false; message: string };

export const PHONE_FORMAT_MESSAGE = '联系电话格式不正确：手机号应为11位，固定电话请写区号，如 0952-1234567';

const MOBILE = /^1[3-9]\d{9}$/;
/** 3-digit area codes are 010 and 020–029; every other area code has 4 digits (03xx–09xx). */
const AREA_CODE = /^0(?:10|2\d|[3-9]\d{2})$/;
/** A local number cannot start with 0, which would be read as the trunk prefix of an area code. */
const LOCAL_NUMBER = /^[1-9]\d{6,7}$/;

/**
 * Mobile → '13912345678'; landline → '0952-1234567'. Spaces, dashes, dots, parentheses (half- or
 * full-width) and a +86 / 0086 prefix are dropped. Extensions (转) are not supported.
 */
export function normalizePhone(raw: string): PhoneCheck {
  const text = raw.normalize('NFKC').trim();
  if (text === '') return { ok: false, message: '请填写联系电话' };

  let digits = text.replace(/[\s\-().]+/g, '');
  let international = false;
  if (digits.startsWith('+86')) [digits, international] = [digits.slice(3), true];
  else if (digits.startsWith('0086')) [digits, international] = [digits.slice(4), true];
  else if (/^86\d{11}$/.test(digits) && MOBILE.test(digits.slice(2))) digits = digits.slice(2);

  if (!/^\d+$/.test(digits)) return fail(detailForNonDigits(digits));
  if (MOBILE.test(digits)) return { ok: true, normalized: digits, kind: 'mobile' };

  // In international form the trunk 0 of the area code is dropped: +86 952 1234567.
  if (international && !digits.startsWith('0')) digits = `0${digits}`;
  if (!digits.startsWith('0')) {
    if (LOCAL_NUMBER.test(digits)) return fail('（缺少区号）');
    return fail(digits.startsWith('1') ? `（手机号现在是${digits.length}位）` : '');
  }
  const areaLength = /^0(?:10|2)/.test(digits) ? 3 : 4;
  const area = digits.slice(0, areaLength);
  const local = digits.slice(areaLength);
  if (!AREA_CODE.test(area) || !LOCAL_NUMBER.test(local)) return fail('');
  return { ok: true, normalized: `${area}-${local}`, kind: 'landline' };
}

function fail(detail: string): PhoneCheck {
  return { ok: false, message: PHONE_FORMAT_MESSAGE + detail };
}

function detailForNonDigits(digits: string): string {
  if (/[转#,，;；/、]/.test(digits)) return '（请只填一个号码，不带分机号）';
  if (digits.startsWith('+')) return '（只支持中国大陆的手机和固定电话）';
  return '（只能包含数字）';
}

/** For exports that must not carry the whole number: the first three and last four digits, '139****5678'. */
export function maskPhone(phone: string): string {
  const n = phone.normalize('NFKC').replace(/[\s-]+/g, '');
  if (n.length >= 8) return `${n.slice(0, 3)}****${n.slice(-4)}`;
  return '*'.repeat(n.length);
}
