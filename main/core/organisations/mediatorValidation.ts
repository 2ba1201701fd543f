import type { MediatorRow, OrganisationRow } from '../../../db';
import {
  checkCreditCode,
  checkIdNumber,
  maskIdNumber,
  sexLabels,
  type ChannelParsedInput,
  type Sex,
} from '../../contract';
import type { ServiceContext } from '../context';
import { addMonths } from '../dates';
import { ValidationError } from '../errors';
import { householdOf, type MembershipTerm, type StoredHouseholdMember } from './mediatorRecords';
import { requireKnownSpecialties, requireRealDate } from './organisations';

// The checks a mediator must pass before it is saved, beyond the contract's shapes: rules that
// need the stored record, the roster or the catalog. Each failure names the form field it is about.
//
// ID numbers leave the service masked, so an edit form sends back the mask it was shown when the
// number was not touched: a mask equal to the stored number's mask means "keep", anything else
// must be a complete, valid number.

export type SaveInput = ChannelParsedInput<'mediators:save'>;

const ADULT_MONTHS = 18 * 12;

/** The input with every value resolved and normalised, ready to store. */
export interface CheckedMediator {
  idNumber: string | null;
  sex: Sex | null;
  household: StoredHouseholdMember[];
  employerCreditCode: string | null;
  specialties: string[];
  memberships: MembershipTerm[];
  /** The catalog as read for the check, so the audit can name the committees. */
  organisations: Map<string, OrganisationRow>;
}

/** Stops at the first failure. `roster` is every other mediator on the roster, in post or not. */
export async function checkMediator(
  ctx: ServiceContext,
  input: SaveInput,
  existing: MediatorRow | undefined,
  roster: MediatorRow[],
  day: string,
): Promise<CheckedMediator> {
  const { idNumber, sex } = checkIdentity(input, existing, roster, day);
  const household = checkHousehold(input, existing, day);
  const employerCreditCode = checkEmployerCreditCode(input);
  const specialties = await checkSpecialties(ctx, input);
  const { memberships, organisations } = await checkMemberships(ctx, input);
  return { idNumber, sex, household, employerCreditCode, specialties, memberships, organisations };
}

/** A resident ID number as typed, or the mask the form was shown for `stored` (keep it): the full, normalised number. */
function resolveIdNumber(
  typed: string,
  stored: string | null | undefined,
  path: (string | number)[],
  label: string,
  day: string,
): string {
  if (typed.includes('*')) {
    if (stored && maskIdNumber(stored) === typed) return stored;
    throw ValidationError.field(path, label, '请填写完整的身份证号码');
  }
  const check = checkIdNumber(typed, day);
  if (!check.ok) throw ValidationError.field(path, label, check.message);
  return check.value.normalized;
}

/** Identity: a valid number, stored in full; sex and age follow from it, and no one else has it. */
function checkIdentity(
  input: SaveInput,
  existing: MediatorRow | undefined,
  roster: MediatorRow[],
  day: string,
): { idNumber: string | null; sex: Sex | null } {
  if (!input.idNumber) return { idNumber: null, sex: input.sex ?? null };
  const idNumber = resolveIdNumber(input.idNumber, existing?.idNumber, ['idNumber'], '身份证号码', day);
  const idSex = sexOf(idNumber);
  if (input.sex && input.sex !== idSex) {
    throw ValidationError.field(['sex'], '性别', `与身份证号码不符：号码显示为${sexLabels[idSex]}性`);
  }
  const birthDate = birthDateOf(idNumber);
  if (input.kind === 'mediator' && addMonths(birthDate, ADULT_MONTHS) > day) {
    throw ValidationError.field(
      ['idNumber'],
      '身份证号码',
      `人民调解员须年满18周岁（号码显示出生于${birthDate}）`,
    );
  }
  const twin = roster.find((m) => m.idNumber === idNumber);
  if (twin) throw ValidationError.field(['idNumber'], '身份证号码', `该号码已登记为“${twin.name}”`);
  return { idNumber, sex: idSex };
}

/**
 * Household members for the conflict check. A masked number is matched to a stored member by its
 * mask, not by position (rows may have been added or removed); same name first, as masks can collide.
 */
function checkHousehold(
  input: SaveInput,
  existing: MediatorRow | undefined,
  day: string,
): StoredHouseholdMember[] {
  const stored = existing ? householdOf(existing) : [];
  return input.householdMembers.map((m, i) => {
    if (!m.idNumber) return { name: m.name, relation: m.relation, idNumber: null };
    const sameMask = stored.filter((s) => s.idNumber && maskIdNumber(s.idNumber) === m.idNumber);
    const match = (sameMask.find((s) => s.name === m.name) ?? sameMask[0])?.idNumber;
    const label = `家庭成员 › 第${i + 1}项 › 证件号码`;
    return {
      name: m.name,
      relation: m.relation,
      idNumber: resolveIdNumber(m.idNumber, match, ['householdMembers', i, 'idNumber'], label, day),
    };
  });
}

function checkEmployerCreditCode(input: SaveInput): string | null {
  if (!input.employerCreditCode) return null;
  const check = checkCreditCode(input.employerCreditCode);
  if (check.status === 'invalid') {
    throw ValidationError.field(['employerCreditCode'], '工作单位统一社会信用代码', check.message);
  }
  return check.normalized;
}

/** Specialties: the dispute types the mediator is good at, used to rank dispatch suggestions. */
async function checkSpecialties(ctx: ServiceContext, input: SaveInput): Promise<string[]> {
  const types = new Set((await ctx.repos.catalog.disputeTypes()).map((t) => t.code));
  return requireKnownSpecialties(input.specialties, types, '擅长纠纷类型');
}

/** Memberships: existing organisations, real dates in order, no two overlapping terms in one committee. */
async function checkMemberships(
  ctx: ServiceContext,
  input: SaveInput,
): Promise<{ memberships: MembershipTerm[]; organisations: Map<string, OrganisationRow> }> {
  const organisations = new Map((await ctx.repos.catalog.organisations()).map((o) => [o.id, o]));
  const memberships = input.memberships.map((m, i) => {
    const at = `所属调委会 › 第${i + 1}项`;
    if (!organisations.has(m.organisationId)) {
      throw ValidationError.field(
        ['memberships', i, 'organisationId'],
        `${at} › 所属组织`,
        '所选组织不存在，请从列表中选择',
      );
    }
    const from = requireRealDate(m.from, ['memberships', i, 'from'], `${at} › 任职起`);
    const to = requireRealDate(m.to, ['memberships', i, 'to'], `${at} › 任职止`);
    if (from && to && to < from)
      throw ValidationError.field(['memberships', i, 'to'], `${at} › 任职止`, `不能早于任职起（${from}）`);
    return { organisationId: m.organisationId, position: m.position, fromOn: from, toOn: to };
  });
  for (const [i, m] of memberships.entries()) {
    const overlap = memberships
      .slice(0, i)
      .find((o) => o.organisationId === m.organisationId && overlaps(o, m));
    if (overlap) {
      throw ValidationError.field(
        ['memberships', i, 'organisationId'],
        `所属调委会 › 第${i + 1}项 › 所属组织`,
        `在“${organisations.get(m.organisationId)!.name}”的任职期间与第${memberships.indexOf(overlap) + 1}项重叠`,
      );
    }
  }
  return { memberships, organisations };
}

function overlaps(a: MembershipTerm, b: MembershipTerm): boolean {
  return (
    (a.fromOn ?? '0000-00-00') <= (b.toOn ?? '9999-99-99') &&
    (b.fromOn ?? '0000-00-00') <= (a.toOn ?? '9999-99-99')
  );
}

/** The 17th digit: odd for men, even for women. */
function sexOf(idNumber: string): Sex {
  return (idNumber.charCodeAt(16) - 48) % 2 === 1 ? 'male' : 'female';
}

function birthDateOf(idNumber: string): string {
  return `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`;
}
