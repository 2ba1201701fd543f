import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { channelNames, channels, hasDateRule, hasTextRule } from '../../../main/contract';

// Issue 8 §3: “one text rule in the contract for every free-text field”. Walks every channel's
// input schema and lists each string field; every one must carry the text rule (textRule() in
// schemas/freeText.ts, which text(), longText(), searchText() and fileNameField() all use), be the
// contract's date type (schemas/dates.ts), be a format-checked string (UUID, ISO time) or be one
// of the few strings below that are not text.

/** channel → path → why this string is not free text. */
const NOT_TEXT: Record<string, Record<string, string>> = {
  'auth:signIn': { password: 'a password is never shown; a rule here would lock out old passwords' },
  'account:changePassword': {
    currentPassword: 'a password is never shown',
    password: 'a password is never shown',
    passwordConfirm: 'compared with password only',
  },
  'auth:recover': {
    recoveryCode: 'parsed as Crockford base32: any other character makes it a wrong code',
    password: 'a password is never shown',
    passwordConfirm: 'compared with password only',
  },
  'setup:complete': {
    recoveryCode: 'compared with the code shown at setup, after Crockford normalisation',
    'admin.password': 'a password is never shown',
    'admin.passwordConfirm': 'compared with password only',
  },
  'setup:connectCentre': {
    password: 'the database role’s password: never shown, sent only to the server over TLS',
    'tls.ca': 'a PEM certificate: parsed by TLS, never shown',
    'tls.fingerprint': 'hex digits, checked against the pattern, separators stripped',
  },
  'users:create': { password: 'a password is never shown' },
  'users:resetPassword': { password: 'a password is never shown' },
  'drafts:save': {
    data: 'the form as JSON, never printed; each field is checked when the form is submitted',
  },
  'backup:inspect': {
    'unlock.password': 'a password is never shown',
    'unlock.recoveryCode': 'parsed as Crockford base32: any other character makes it a wrong code',
  },
  'setup:inspectBackup': {
    'unlock.password': 'a password is never shown',
    'unlock.recoveryCode': 'parsed as Crockford base32: any other character makes it a wrong code',
  },
  'backup:restore': { token: 'compared with the token of the backup checked last, never shown' },
  'setup:restoreBackup': { token: 'compared with the token of the backup checked last, never shown' },
  'workflow:addAttachment': { dataBase64: 'base64 (regex-checked), then sniffed by content' },
  'documents:attachScan': { dataBase64: 'base64 (regex-checked), then sniffed by content' },
  'dossiers:attachPaper': {
    dataBase64: 'base64 (regex-checked), then parsed as the PDF or image it claims to be (dossier/pdf)',
  },
  // ── province (issue 16) ──
  'province:export': {
    'protection.password': 'a password is never shown; it only derives the package key',
    'protection.recipientKey': 'base64url of a 32-byte key (regex-checked), never shown as text',
  },
  'province:receipt': { receipt: "the province's receipt file, parsed as JSON and checked field by field" },
  'province:saveMapping': { mapping: 'a mapping file, parsed as JSON and checked against its schema' },
  // ── exchange (issue 14) ──
  'exchange:previewKeyCard': { card: 'a 机构密钥卡 file, parsed as JSON and checked against its schema' },
  'exchange:trust': {
    card: 'a 机构密钥卡 file, parsed as JSON and checked against its schema',
    fingerprint: 'regex-checked XXXX-XXXX-XXXX-XXXX (hex digits), compared with the card',
  },
};

interface StringField {
  path: string;
  schema: z.ZodType;
}

function stringFields(schema: z.ZodType, path: string, out: StringField[]): StringField[] {
  const def = schema._zod.def as unknown as Record<string, unknown> & { type: string };
  const at = (key: string) => (path ? `${path}.${key}` : key);
  switch (def.type) {
    case 'string':
      if (!def.format) out.push({ path, schema });
      break;
    case 'object':
      for (const [key, value] of Object.entries(def.shape as Record<string, z.ZodType>))
        stringFields(value, at(key), out);
      break;
    case 'array':
      stringFields(def.element as z.ZodType, `${path}[]`, out);
      break;
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'nonoptional':
    case 'catch':
      stringFields(def.innerType as z.ZodType, path, out);
      break;
    case 'pipe':
      stringFields(def.in as z.ZodType, path, out);
      stringFields(def.out as z.ZodType, path, out);
      break;
    case 'union':
      for (const option of def.options as z.ZodType[]) stringFields(option, path, out);
      break;
    case 'record':
      stringFields(def.valueType as z.ZodType, `${path}{}`, out);
      break;
    case 'enum':
    case 'literal':
    case 'number':
    case 'boolean':
    case 'transform':
      break;
    default:
      throw new Error(`${path}: schema type “${def.type}” is not walked yet; teach this test about it`);
  }
  return out;
}

describe('the text rule covers every free-text input', () => {
  it('finds no string field in any channel input without it', () => {
    const missing: string[] = [];
    let covered = 0;
    for (const name of channelNames) {
      const fields = stringFields(channels[name].input as z.ZodType, '', []);
      for (const field of fields) {
        if (hasTextRule(field.schema) || hasDateRule(field.schema)) covered++;
        else if (!NOT_TEXT[name]?.[field.path]) missing.push(`${name} › ${field.path || '(input)'}`);
      }
    }
    expect(missing).toEqual([]);
    expect(covered).toBeGreaterThan(100);
  });

  it('lists no exemption that no longer exists', () => {
    for (const [name, paths] of Object.entries(NOT_TEXT)) {
      const fields = stringFields(channels[name as keyof typeof channels].input as z.ZodType, '', []);
      for (const path of Object.keys(paths)) {
        expect(
          fields.some((f) => f.path === path),
          `${name} › ${path}`,
        ).toBe(true);
      }
    }
  });
});
