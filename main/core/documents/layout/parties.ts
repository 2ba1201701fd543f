import type { Paragraph } from 'docx';
import type { Agent, DocumentCase, OrganisationParty, Party, PersonParty } from '../model';
import { ageAt, formatDate, type DateStyle } from './dates';
import { body } from './paragraphs';
import { whole } from './unbreakable';

// How a party is described. Mediation forms list 姓名、性别、民族、出生日期… with labels; court
// forms (司法确认申请书) follow the civil-procedure order: name, sex, birth date, ethnicity, ID,
// occupation, domicile, then contact on its own.

export type PartyStyle = 'mediation' | 'court';

export { partiesBetween } from '../names';

export function personAge(p: PersonParty, referenceDate: string): number {
  return p.age ?? ageAt(p.birthDate, referenceDate);
}

function personText(p: PersonParty, style: PartyStyle, dateStyle: DateStyle): string {
  const born = `${formatDate(p.birthDate, dateStyle)}出生`;
  const id = `${p.idType}号码：${whole(p.idNumber)}`;
  const phone = whole(p.phone);
  if (style === 'court') {
    const work = p.employer ? `${p.employer}${p.occupation}` : p.occupation;
    return `${p.name}，${p.sex}，${born}，${p.ethnicity}，${id}，${work}，住${p.address}。联系电话：${phone}。`;
  }
  return `${p.name}，${p.sex}，${p.ethnicity}，${born}，${id}，职业：${p.occupation}，住址：${p.address}，联系电话：${phone}。`;
}

function organisationText(p: OrganisationParty, style: PartyStyle): string {
  if (style === 'court') {
    return `${p.name}，住所地${p.address}，统一社会信用代码：${whole(p.uscc)}。`;
  }
  return `${p.name}，统一社会信用代码：${whole(p.uscc)}，住所：${p.address}，联系电话：${whole(p.phone)}。`;
}

function representativeText(p: OrganisationParty, style: PartyStyle): string {
  const r = p.representative;
  const phone = style === 'court' ? `联系电话：${whole(p.phone)}。` : '';
  return `${r.kind}：${r.name}，${r.title}。${phone}`;
}

export function agentText(a: Agent): string {
  const id = a.idType && a.idNumber ? `${a.idType}号码：${whole(a.idNumber)}，` : '';
  const employer = a.employer ? `${a.employer}，` : '';
  return `${a.kind}：${a.name}，${a.relation}，${employer}${id}代理权限：${a.authority}，联系电话：${whole(a.phone)}。`;
}

export interface PartyBlockOptions {
  style: PartyStyle;
  /** Role printed before the colon; the confirmation application calls everyone 申请人. */
  roleLabel?: (p: Party) => string;
}

/** One line for the party, one for an organisation's representative, one per agent. */
export function partyLines(c: DocumentCase, p: Party, options: PartyBlockOptions): string[] {
  const role = options.roleLabel?.(p) ?? p.role;
  const dateStyle = c.settings.dateStyle;
  const lines: string[] = [];
  if (p.kind === 'person') {
    lines.push(`${role}：${personText(p, options.style, dateStyle)}`);
  } else {
    lines.push(`${role}：${organisationText(p, options.style)}`);
    lines.push(representativeText(p, options.style));
  }
  for (const agent of p.agents) lines.push(agentText(agent));
  if (options.style === 'court' && p.serviceAddress) lines.push(`送达地址：${p.serviceAddress}。`);
  return lines;
}

function partyParagraphs(c: DocumentCase, p: Party, options: PartyBlockOptions): Paragraph[] {
  const lines = partyLines(c, p, options);
  // Only an organisation's name stays with its representative's line: a whole party block kept
  // together would push up to nine lines to the next page and leave that much blank.
  return lines.map((text, i) => body(text, { keepNext: i === 0 && p.kind === 'organisation' }));
}

/** 申请人：张志军（男，汉族，51岁）, for registers that list parties briefly. */
export function partyBrief(p: Party, referenceDate: string): string {
  if (p.kind === 'person') {
    return `${p.role}：${p.name}（${p.sex}，${p.ethnicity}，${personAge(p, referenceDate)}岁）`;
  }
  const r = p.representative;
  return `${p.role}：${p.name}（${r.kind}：${r.name}）`;
}

export function allPartyParagraphs(c: DocumentCase, options: PartyBlockOptions): Paragraph[] {
  return c.parties.flatMap((p) => partyParagraphs(c, p, options));
}
