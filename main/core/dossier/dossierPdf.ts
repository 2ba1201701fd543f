import type { DossierRow, Repositories } from '../../../db';
import type { DossierItemKey } from '../../contract';
import {
  documentKind,
  type DocumentCase,
  type DocumentKindId,
  type Dossier,
  type IsoDate,
} from '../documents';
import { buildDocument, generatorOf } from '../documents/generators/index';
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
import { itemSpecs, type ItemState } from './items';

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

/**
 * One present item as plain data: the form to typeset, the scans' bytes, or the listing of files
 * that cannot become pages. Everything read from the database is read here, so the rest of the
 * work needs no repositories and can run in the typesetting worker.
 */
export type PartSource =
  | { kind: 'form'; key: string; title: string; form: DocumentKindId }
  | { kind: 'scans'; key: string; title: string; scans: ScanSource[] }
  | { kind: 'listing'; key: string; title: string; heading: string; lines: string[] };

function partSourcesOf(repos: Repositories, item: ItemState): PartSource[] {
  const content = item.content!;
  const key = item.spec.key;
  const heading = item.spec.title;
  if (content.kind === 'form') return [{ kind: 'form', key, title: heading, form: content.form }];
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
  const parts: PartSource[] = [];
  if (scans.length) parts.push({ kind: 'scans', key, title: heading, scans });
  if (unplaceable.length) {
    parts.push({
      kind: 'listing',
      key: parts.length ? `${key}:list` : key,
      title: heading,
      heading: `${heading}（电子文件清单）`,
      lines: unplaceable,
    });
  }
  return parts;
}

async function partOf(c: DocumentCase, part: PartSource, today: IsoDate): Promise<PdfPart> {
  if (part.kind === 'scans') return part;
  const { key, title } = part;
  if (part.kind === 'listing')
    return { kind: 'form', key, title, flow: listingPage(c, part.heading, part.lines) };
  const doc = await buildDocument(part.form, c, { today });
  return { kind: 'form', key, title, flow: flowOf(doc, title) };
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

/**
 * Everything one dossier PDF is made from, as plain data (structured-cloneable: no functions, no
 * repositories): what the batch export hands to its typesetting worker. The items travel without
 * their spec's rules (functions); the worker puts the spec back by key.
 */
export interface DossierPdfJob {
  c: DocumentCase;
  values: Omit<DossierSources, 'loaded' | 'row' | 'c' | 'items'> & { items: PlainItemState[] };
  row: DossierRow;
  parts: PartSource[];
  missingReason: string | null;
  today: IsoDate;
  at: Date;
}

export type PlainItemState = Omit<ItemState, 'spec'> & { spec: DossierItemKey };

const specByKey = new Map(itemSpecs.map((spec) => [spec.key, spec]));

/** Reads what the PDF needs from the database (the scans' bytes included). */
export function dossierPdfJob(r: DossierPdfRequest): DossierPdfJob {
  const { sources: s, row } = r;
  if (!s.kind) throw new ConflictError('案件尚未结案，不能生成卷宗');
  return {
    c: s.c,
    values: {
      outcome: s.outcome,
      kind: s.kind,
      items: s.items.map((i) => ({ ...i, spec: i.spec.key })),
    },
    row,
    parts: s.items.filter((i) => i.status === 'present').flatMap((i) => partSourcesOf(r.repos, i)),
    missingReason: r.missingReason,
    today: r.today,
    at: r.at,
  };
}

async function inputOf(job: DossierPdfJob): Promise<DossierPdfInput> {
  const { c, row } = job;
  const values = {
    ...job.values,
    c,
    items: job.values.items.map((i): ItemState => ({ ...i, spec: specByKey.get(i.spec)! })),
  };
  const parts: PdfPart[] = [];
  for (const part of job.parts) parts.push(await partOf(c, part, job.today));
  return {
    parts,
    frame(ranges) {
      const framed: DocumentCase = {
        ...c,
        dossier: dossierValues(values, row, mergeListings(ranges), job.missingReason),
      };
      const [cover, contents, note] = frameKinds.map((id) =>
        flowOf(generatorOf(documentKind(id))(framed, { today: job.today }), documentKind(id).title),
      );
      return { cover: cover!, contents: contents!, note: note! };
    },
    meta: {
      title: `${row.volumeNumber} ${row.title}`,
      author: c.committee.name,
      subject: `人民调解卷宗（案号 ${c.caseNumber}）`,
      keywords: ['人民调解', '卷宗', row.volumeNumber, c.caseNumber],
      at: job.at,
    },
  };
}

/** Typesets a dossier from its plain data: in-process, or in the batch export's worker. */
export async function renderDossierJob(job: DossierPdfJob): Promise<DossierPdf> {
  return buildDossierPdf(await inputOf(job));
}

/**
 * The dossier values the .docx cover, contents list and back cover print: the same page ranges
 * as the PDF, because they come from laying out the same PDF.
 */
export async function dossierForForms(r: DossierPdfRequest): Promise<Dossier> {
  const plan = await planDossier(await inputOf(dossierPdfJob(r)));
  return dossierValues(r.sources, r.row, mergeListings(plan.ranges), r.missingReason);
}
