import type { Party } from './model';

// How the parties of a case are named in one line (titles, the dossier's 案由), without docx:
// the dossier's model needs it at start.

/** 马玉兰、宁夏某公司与李某 — applicants joined with 、, then 与 the other side. */
export function partiesBetween(parties: readonly Party[]): string {
  const applicants = parties.filter((p) => p.role === '申请人').map((p) => p.name);
  const others = parties.filter((p) => p.role !== '申请人').map((p) => p.name);
  if (applicants.length === 0 || others.length === 0) return parties.map((p) => p.name).join('、');
  return `${applicants.join('、')}与${others.join('、')}`;
}
