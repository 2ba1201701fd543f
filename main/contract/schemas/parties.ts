import { z } from 'zod';
import { agentAuthorities, ethnicities, idTypes, partyRoles, sexes } from './catalog';
import { id, text } from './common';
import { calendarDate } from './dates';
import { searchText, textRule } from './freeText';
import { calendarToday } from '../validation/calendarDate';
import { checkIdNumber } from '../validation/idNumber';
import { normalizePhone } from '../validation/phone';

// A party as the intake clerk enters it. The checks here run in the form (as the clerk types)
// and again in dispatch: one schema, one set of messages.

/** A real calendar day (schemas/dates.ts); fields with a range of their own use calendarDate(). */
export const isoDate = calendarDate('日期');

/** Optional free text: '' and whitespace count as "not given". */
function optionalText(label: string, max: number) {
  return z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    text(label, max).optional(),
  );
}

export const phoneField = z.preprocess(
  (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
  z
    .string({ error: '联系电话须为文字' })
    .max(40, '联系电话过长')
    .check(textRule('联系电话'))
    .transform((raw, ctx) => {
      const result = normalizePhone(raw);
      if (!result.ok) {
        ctx.addIssue({ code: 'custom', message: result.message });
        return z.NEVER;
      }
      return result.normalized;
    })
    .optional()
    .describe('联系电话'),
);

export const agentInput = z
  .strictObject({
    name: text('代理人姓名', 40, 1),
    relation: optionalText('与当事人关系', 20).describe('与当事人关系'),
    authority: z.enum(agentAuthorities, { error: '请选择代理权限' }).describe('代理权限'),
    authorityDetail: optionalText('代理事项', 200).describe('代理事项'),
    idNumber: optionalText('代理人证件号码', 40).describe('代理人证件号码'),
    phone: phoneField,
  })
  .describe('代理人');

const common = {
  /** An existing party record to reuse (chosen from the suggestions while typing). */
  partyId: id.optional(),
  /** On edit: this party's existing place in the case. */
  casePartyId: id.optional(),
  role: z.enum(partyRoles, { error: '请选择当事人身份' }).describe('身份'),
  address: optionalText('住址', 120).describe('住址'),
  phone: phoneField,
  agent: agentInput.optional(),
};

export const personInput = z
  .strictObject({
    kind: z.literal('person'),
    name: text('姓名', 40, 1),
    sex: z.enum(sexes, { error: '请选择性别' }).optional().describe('性别'),
    ethnicity: z.enum(ethnicities, { error: '请从列表中选择民族' }).optional().describe('民族'),
    birthDate: calendarDate('出生日期', { min: '1900-01-01', notFuture: true }).optional(),
    idType: z.enum(idTypes, { error: '请选择证件类型' }).default('resident_id').describe('证件类型'),
    idNumber: optionalText('证件号码', 40).describe('证件号码'),
    occupation: optionalText('职业', 40).describe('职业'),
    ...common,
  })
  .superRefine((p, ctx) => {
    if (p.idType !== 'resident_id' || !p.idNumber) return;
    // "today" rejects future birth dates: the service's day at a channel (calendarToday).
    const check = checkIdNumber(p.idNumber, calendarToday());
    if (!check.ok) ctx.addIssue({ code: 'custom', path: ['idNumber'], message: check.message });
  });

export const organisationInput = z.strictObject({
  kind: z.literal('organisation'),
  name: text('单位名称', 80, 2),
  creditCode: optionalText('统一社会信用代码', 30).describe('统一社会信用代码'),
  representative: optionalText('法定代表人（负责人）', 40).describe('法定代表人（负责人）'),
  representativeTitle: optionalText('职务', 20).describe('职务'),
  ...common,
});

export const partyInput = z.discriminatedUnion('kind', [personInput, organisationInput], {
  error: '请选择当事人类型（自然人或单位）',
});
export type PartyInput = z.input<typeof partyInput>;
export type ParsedPartyInput = z.output<typeof partyInput>;

export const agentDto = z.object({
  name: z.string(),
  relation: z.string().nullable(),
  authority: z.enum(agentAuthorities),
  authorityDetail: z.string().nullable(),
  idNumberMasked: z.string().nullable(),
  phone: z.string().nullable(),
});

/** A party as lists and the case page show it: the ID number masked (the full one is audited). */
export const casePartyDto = z.object({
  casePartyId: id,
  partyId: id,
  role: z.enum(partyRoles),
  kind: z.enum(['person', 'organisation']),
  name: z.string(),
  sex: z.enum(sexes).nullable(),
  ethnicity: z.string().nullable(),
  birthDate: z.string().nullable(),
  idType: z.enum(idTypes).nullable(),
  idNumberMasked: z.string().nullable(),
  occupation: z.string().nullable(),
  creditCode: z.string().nullable(),
  representative: z.string().nullable(),
  representativeTitle: z.string().nullable(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  agent: agentDto.nullable(),
});
export type CasePartyDto = z.infer<typeof casePartyDto>;

/**
 * Existing party records offered while typing a name or ID number, with what is on record (the
 * ID number masked, as the screens show it) so choosing one fills the card. caseCount: cases not
 * voided.
 */
export const partySuggestion = z.object({
  partyId: id,
  kind: z.enum(['person', 'organisation']),
  name: z.string(),
  sex: z.enum(sexes).nullable(),
  ethnicity: z.string().nullable(),
  birthDate: z.string().nullable(),
  idType: z.enum(idTypes).nullable(),
  idNumberMasked: z.string().nullable(),
  occupation: z.string().nullable(),
  creditCode: z.string().nullable(),
  representative: z.string().nullable(),
  representativeTitle: z.string().nullable(),
  phone: z.string().nullable(),
  address: z.string().nullable(),
  caseCount: z.number().int(),
});
export type PartySuggestion = z.infer<typeof partySuggestion>;

export const searchPartiesInput = z.strictObject({
  query: searchText('当事人姓名或证件号码', 60),
});
