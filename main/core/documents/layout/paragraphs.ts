import { AlignmentType, Paragraph, type IParagraphOptions } from 'docx';
import { smallChinese } from './dates';
import { BODY_CHAR, fonts, styleIds } from './styles';
import { keepCodesWhole, textRuns, whole } from './unbreakable';

// Paragraph shapes every form uses. Keep-with-next flags live here so generators only say what
// belongs together, not how Word keeps it together.

export interface Keep {
  /** Keep this paragraph on the same page as the next one (and unbroken). */
  keepNext?: boolean;
}

/** Long prose may break across pages (widow control handles it); kept lines may not. */
function keepProps(keep: Keep | undefined): Pick<IParagraphOptions, 'keepNext' | 'keepLines'> {
  return keep?.keepNext ? { keepNext: true, keepLines: true } : {};
}

/** Form title; each repeated form in one file (records, visits) starts on a new page. */
export function title(text: string, options: { pageBreakBefore?: boolean } = {}): Paragraph {
  return new Paragraph({
    style: styleIds.title,
    ...(options.pageBreakBefore ? { pageBreakBefore: true } : {}),
    children: textRuns(text),
  });
}

/**
 * Case or document number under the title, right aligned as on the printed forms. The text is
 * "label：number"; the number after the last colon never breaks.
 */
export function numberLine(text: string): Paragraph {
  const colon = text.lastIndexOf('：');
  return new Paragraph({
    style: styleIds.plain,
    alignment: AlignmentType.RIGHT,
    keepNext: true,
    spacing: { after: 160 },
    children: textRuns(colon < 0 ? whole(text) : text.slice(0, colon + 1) + whole(text.slice(colon + 1))),
  });
}

/** Indented body paragraph (two characters), the default for prose; codes typed in it stay whole. */
export function body(text: string, keep?: Keep): Paragraph {
  return new Paragraph({
    style: styleIds.body,
    ...keepProps(keep),
    children: textRuns(keepCodesWhole(text)),
  });
}

/** Body paragraph with a 黑体 lead-in, e.g. "纠纷主要事实、争议事项：……". */
export function labelled(label: string, value: string, keep?: Keep): Paragraph {
  return new Paragraph({
    style: styleIds.body,
    ...keepProps(keep),
    children: [...textRuns(`${label}：`, { font: fonts.heading }), ...textRuns(keepCodesWhole(value))],
  });
}

/** Unindented line, e.g. a party line or the addressee of a notice. */
export function plain(text: string, keep?: Keep & { indentChars?: number }): Paragraph {
  return new Paragraph({
    style: styleIds.plain,
    ...keepProps(keep),
    ...(keep?.indentChars ? { indent: { left: keep.indentChars * BODY_CHAR } } : {}),
    children: textRuns(keepCodesWhole(text)),
  });
}

/** Section heading in 黑体, kept with what follows. */
export function heading(text: string): Paragraph {
  return new Paragraph({
    style: styleIds.body,
    keepNext: true,
    keepLines: true,
    children: textRuns(text, { font: fonts.heading }),
  });
}

/** 一、二、三、 … numbered paragraphs, indented like body text. */
export function numbered(items: readonly string[], keepLast?: Keep): Paragraph[] {
  return items.map((item, i) =>
    body(`${smallChinese(i + 1)}、${item}`, i === items.length - 1 ? keepLast : undefined),
  );
}

/** 1. 2. 3. numbered lines, for attachments and lists inside a section. */
export function arabicNumbered(
  items: readonly string[],
  keep?: Keep | ((index: number) => Keep),
): Paragraph[] {
  return items.map((item, i) => body(`${i + 1}. ${item}`, typeof keep === 'function' ? keep(i) : keep));
}
