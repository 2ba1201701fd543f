import type { DossierRow, Repositories } from '../../../db';
import { buildDocument, documentKind, type DocumentCase, type Dossier, type IsoDate } from '../documents';
import { formDocument } from '../documents/layout/page';
import { body, title } from '../documents/layout/paragraphs';
import { ConflictError } from '../errors';
import {
  buildDossierPdf,
  planDossier,
  type DossierPdf,
  type DossierPdfInput,
  type PageRanges,
  type PdfPart,
} from './pdf/assemble';
import { flowOf } from './pdf/ooxml';
import type { ScanSource } from './pdf/scans';
import { dossierValues, type DossierSources } from './model';
import type { ItemState } from './items';

// The dossier's one PDF: every present item in binding order — forms typeset from the same
// document tree the .docx generator builds, signed scans and scanned paper as pages — framed by
// the cover, contents list and back cover carrying the real 卷号, dates and page ranges.

const PLACEABLE = new Set(['application/pdf', 'image/jpeg', 'image/png']);

/** Files that cannot become pages (TIFF evidence) are listed on a page of their own instead. */
function listingPage(c: DocumentCase, heading: string, lines: string[]) {
  return flowOf(
    formDocument({
      title: heading,
      creator: c.committee.name,
      children: [title(heading), ...lines.map((l) => body(l))],
    }),
    heading,
  );
}

async function partOf(
  repos: Repositories,
  s: DossierSources,
  item: ItemState,
  today: IsoDate,
): Promise<PdfPart[]> {
  const content = item.content!;
  const key = item.spec.key;
  const heading = item.spec.title;
  if (content.kind === 'form') {
    const doc = await buildDocument(content.form, s.c, { today });
    return [{ kind: 'form', key, title: heading, flow: flowOf(doc, heading) }];
  }
  const scans: ScanSource[] = [];
  const unplaceable: string[] = [];
  if (content.kind === 'signed') {
    for (const scan of content.scans) {
      const row = repos.documents.scan(scan.id)!;
      scans.push({
        label: `${heading} 签字扫描件“${scan.fileName}”`,
        mimeType: scan.mimeType,
        data: row.data,
      });
    }
  } else {
    for (const a of content.attachments) {
      const label = `证据材料“${a.fileName}”`;
      if (!PLACEABLE.has(a.mimeType)) {
        unplaceable.push(
          `${a.fileName}（${a.description ?? '证据材料'}，SHA-256 ${a.sha256.slice(0, 16)}…）：原件以电子文件保存在本系统中。`,
        );
        continue;
      }
      scans.push({ label, mimeType: a.mimeType, data: repos.workflow.attachmentData(a.id)!.data });
    }
  }
  for (const paper of content.papers) {
    scans.push({
      label: `${heading} 扫描件“${paper.fileName}”`,
      mimeType: paper.mimeType,
      data: repos.dossiers.paperData(paper.id)!,
    });
  }
  const parts: PdfPart[] = [];
  if (scans.length) parts.push({ kind: 'scans', key, title: heading, scans });
  if (unplaceable.length) {
    const flow = listingPage(s.c, `${heading}（电子文件清单）`, unplaceable);
    parts.push({ kind: 'form', key: parts.length ? `${key}:list` : key, title: heading, flow });
  }
  return parts;
}

export interface DossierPdfRequest {
  repos: Repositories;
  sources: DossierSources;
  row: DossierRow;
  /** Printed on the back cover when archiving with a missing mandatory item. */
  missingReason: string | null;
  today: IsoDate;
  at: Date;
}

/** An item split into pages and a listing page spans both. */
function mergeListings(ranges: PageRanges): PageRanges {
  const merged = new Map(ranges);
  for (const [k, v] of ranges) {
    if (!k.endsWith(':list')) continue;
    const base = k.slice(0, -5);
    const first = (merged.get(base) ?? v).split('-')[0];
    const last = v.split('-').at(-1);
    merged.set(base, first === last ? first! : `${first}-${last}`);
  }
  return merged;
}

const frameKinds = ['dossier-cover', 'dossier-contents', 'dossier-note'] as const;

async function inputOf(r: DossierPdfRequest): Promise<DossierPdfInput> {
  const { sources: s, row } = r;
  if (!s.kind) throw new ConflictError('案件尚未结案，不能生成卷宗');
  const parts: PdfPart[] = [];
  for (const item of s.items)
    if (item.status === 'present') parts.push(...(await partOf(r.repos, s, item, r.today)));
  return {
    parts,
    frame(ranges) {
      const c: DocumentCase = {
        ...s.c,
        dossier: dossierValues(s, row, mergeListings(ranges), r.missingReason),
      };
      const [cover, contents, note] = frameKinds.map((id) =>
        flowOf(documentKind(id).generate(c, { today: r.today }), documentKind(id).title),
      );
      return { cover: cover!, contents: contents!, note: note! };
    },
    meta: {
      title: `${row.volumeNumber} ${row.title}`,
      author: s.c.committee.name,
      subject: `人民调解卷宗（案号 ${s.c.caseNumber}）`,
      keywords: ['人民调解', '卷宗', row.volumeNumber, s.c.caseNumber],
      at: r.at,
    },
  };
}

export async function renderDossierPdf(r: DossierPdfRequest): Promise<DossierPdf> {
  return buildDossierPdf(await inputOf(r));
}

/**
 * The dossier values the .docx cover, contents list and back cover print: the same page ranges
 * as the PDF, because they come from laying out the same PDF.
 */
export async function dossierForForms(r: DossierPdfRequest): Promise<Dossier> {
  const plan = await planDossier(await inputOf(r));
  return dossierValues(r.sources, r.row, mergeListings(plan.ranges), r.missingReason);
}
