import type { DocumentVersionRow, DossierRow, OutcomeRow, Repositories } from '../../../db';
import type { DossierCaseKind } from '../../contract';
import { loadDocumentCase, type LoadedCase } from '../documentStore/caseDocument';
import type { DocumentCase, Dossier, DossierItem, IsoDate } from '../documents';
import { partiesBetween } from '../documents/names';
import { caseKindOf, itemStates, type ItemState } from './items';

// Everything a dossier is made from, loaded once: the case as the documents print it, how it
// ended, its dossier row, the latest version of each form with its signed scans, the paper scanned
// in for the file and the evidence. The screen, the completeness check, the PDF and the .docx
// cover / contents list / back cover all read this one picture.

export interface DossierSources {
  loaded: LoadedCase;
  c: DocumentCase;
  outcome: OutcomeRow | undefined;
  kind: DossierCaseKind | null;
  row: DossierRow | undefined;
  items: ItemState[];
}

export interface LoadDossierOptions {
  today: IsoDate;
  actorName: string;
}

export async function loadDossier(
  repos: Repositories,
  caseId: string,
  options: LoadDossierOptions,
): Promise<DossierSources> {
  const loaded = await loadDocumentCase(repos, caseId, options);
  const c = loaded.document;
  const outcome = repos.workflow.outcome(caseId);
  const kind = caseKindOf(c, outcome);
  const row = repos.dossiers.byCase(caseId);
  const latest = new Map<string, DocumentVersionRow>();
  for (const v of repos.documents.versions(caseId)) {
    const seen = latest.get(v.kind);
    if (!seen || seen.versionNo < v.versionNo) latest.set(v.kind, v);
  }
  const items = kind
    ? itemStates({
        c,
        kind,
        latest,
        scans: repos.documents.scans(caseId),
        papers: row ? repos.dossiers.papers(row.id) : [],
        attachments: repos.workflow.attachments(caseId),
      })
    : [];
  return { loaded, c, outcome, kind, row, items };
}

export function defaultTitle(c: DocumentCase): string {
  return `${partiesBetween(c.parties)}${c.disputeType}纠纷`.slice(0, 60);
}

export function mediationPeriod(
  c: DocumentCase,
  outcome: OutcomeRow | undefined,
): { from: IsoDate; to: IsoDate } {
  const end = c.agreement?.reachedDate ?? c.termination?.date ?? outcome?.closedOn ?? c.receivedDate;
  return { from: c.receivedDate, to: end < c.receivedDate ? c.receivedDate : end };
}

export function missingProblems(items: readonly ItemState[]): string[] {
  return items.filter((i) => i.status === 'missing' && i.mandatory).map((i) => i.problem!);
}

const countNote = (item: ItemState, c: DocumentCase): string | undefined => {
  if (item.content?.kind === 'signed') return '签字扫描件';
  if (item.content?.kind === 'papers')
    return `${item.content.papers.length + item.content.attachments.length}份`;
  const n =
    item.spec.key === 'investigation-records'
      ? c.investigations.length
      : item.spec.key === 'mediation-records'
        ? c.mediations.length
        : item.spec.key === 'return-visits'
          ? c.returnVisits.length
          : 1;
  return n > 1 ? `${n}份` : undefined;
};

/**
 * The dossier as the cover, contents list and back cover print it, with each item's page range
 * in the PDF and, when archived with a missing item, the written reason.
 */
export function dossierValues(
  s: Pick<DossierSources, 'c' | 'outcome' | 'kind' | 'items'>,
  row: DossierRow,
  ranges: ReadonlyMap<string, string>,
  missingReason: string | null,
): Dossier {
  const period = mediationPeriod(s.c, s.outcome);
  const contents: DossierItem[] = s.items
    .filter((i) => i.status === 'present')
    .map((i) => ({
      title: i.spec.title,
      ...(i.date ? { date: i.date } : {}),
      pages: ranges.get(i.spec.key) ?? '',
      ...(countNote(i, s.c) ? { note: countNote(i, s.c)! } : {}),
    }));
  contents.push({ title: '备考表', pages: ranges.get('note') ?? '' });
  const result = s.c.agreement
    ? `本案经调解达成${s.c.agreement.kind}协议`
    : s.kind === 'refused'
      ? '本案因当事人一方明确拒绝调解而终止，已告知当事人其他解决途径'
      : '本案调解不成而终止，已告知当事人其他解决途径';
  const missing = missingProblems(s.items);
  const reason =
    missingReason && missing.length
      ? `缺项归档：${missing.map((m) => m.split('：')[0]).join('；')}。理由：${missingReason}`
      : '';
  const notes = [row.notes?.trim() || `${result}。`, reason].filter(Boolean).join('\n');
  return {
    volumeNumber: row.volumeNumber,
    title: row.title,
    filedBy: row.filedByName,
    ...(row.checkedBy ? { checkedBy: row.checkedBy } : {}),
    filedDate: row.filedOn,
    retention: row.retention,
    mediationFrom: period.from,
    mediationTo: period.to,
    contents,
    notes,
  };
}
