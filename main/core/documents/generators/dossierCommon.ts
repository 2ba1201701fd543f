import type { DocumentCase, Dossier } from '../model';
import { partiesBetween } from '../layout/parties';
import { need } from './context';

// Shared by the archive papers of 一案一卷: 卷宗封面, 卷内目录 and 备考表. They carry no page
// numbers (the file's own pages are numbered by hand when it is bound).

export function dossierOf(c: DocumentCase): Dossier {
  return need(c.dossier, '本案尚未立卷，请先填写卷宗信息');
}

export function dossierTitle(c: DocumentCase, d: Dossier): string {
  return d.title ?? `${partiesBetween(c.parties)}${c.disputeType}纠纷`;
}

/** Highest page number in the contents list ("20-21" → 21). */
export function totalPages(d: Dossier): number {
  let max = 0;
  for (const item of d.contents) {
    for (const n of item.pages.match(/\d+/g) ?? []) max = Math.max(max, Number(n));
  }
  return max;
}
