import { AlignmentType, LineRuleType, type IStylesOptions } from 'docx';

// Type sizes and fonts after GB/T 9704: title 二号 (22 pt) 小标宋, body 三号 (16 pt) 仿宋 on a fixed
// 28 pt line, tables 四号 (14 pt). Fonts are named by their Windows family names so Word on the
// committee's PC picks the real faces; fontconfig aliases map them to Noto CJK when we check the
// files with LibreOffice.

const LATIN = 'Times New Roman';

export const fonts = {
  body: { ascii: LATIN, hAnsi: LATIN, eastAsia: '仿宋', hint: 'eastAsia' },
  title: { ascii: LATIN, hAnsi: LATIN, eastAsia: '宋体', hint: 'eastAsia' },
  heading: { ascii: LATIN, hAnsi: LATIN, eastAsia: '黑体', hint: 'eastAsia' },
  kai: { ascii: LATIN, hAnsi: LATIN, eastAsia: '楷体', hint: 'eastAsia' },
} as const;

/** Half-points, as docx wants them. */
export const size = {
  title: 44,
  subtitle: 32,
  body: 32,
  table: 28,
  small: 24,
  footnote: 21,
} as const;

/** Twips: 1 pt = 20. */
export const line = {
  body: 560,
  title: 720,
  table: 400,
  small: 340,
} as const;

/** One character of body text in twips: two of them make the usual first-line indent. */
export const BODY_CHAR = 320;
export const TABLE_CHAR = 280;

export const styleIds = {
  title: 'FormTitle',
  body: 'FormBody',
  plain: 'FormPlain',
  cell: 'FormCell',
  small: 'FormSmall',
} as const;

// Body text is left-aligned, not justified: LibreOffice (7.4) drops a full-width 。 or ，that
// falls at the end of a full justified line (it hangs the punctuation and then never draws it),
// which silently changes a legal text. CJK characters share one width, so left-aligned Chinese
// prose still ends flush; only lines broken before a long number end short.
export const documentStyles: IStylesOptions = {
  default: {
    document: {
      // Chinese for East Asian text: Word applies its line-start/line-end rules (no 。 opening a
      // line) only to text in a language that has them; untagged text gets none.
      run: { font: fonts.body, size: size.body, language: { value: 'en-US', eastAsia: 'zh-CN' } },
      paragraph: { spacing: { line: line.body, lineRule: LineRuleType.EXACT, before: 0, after: 0 } },
    },
  },
  paragraphStyles: [
    {
      id: styleIds.title,
      name: '文书标题',
      basedOn: 'Normal',
      next: styleIds.plain,
      run: { font: fonts.title, size: size.title, bold: true },
      paragraph: {
        alignment: AlignmentType.CENTER,
        keepNext: true,
        spacing: { line: line.title, lineRule: LineRuleType.EXACT, before: 0, after: 120 },
      },
    },
    {
      id: styleIds.body,
      name: '文书正文',
      basedOn: 'Normal',
      paragraph: { alignment: AlignmentType.LEFT, indent: { firstLine: 2 * BODY_CHAR } },
    },
    {
      id: styleIds.plain,
      name: '文书无缩进',
      basedOn: 'Normal',
      paragraph: { alignment: AlignmentType.LEFT },
    },
    {
      id: styleIds.cell,
      name: '表格文字',
      basedOn: 'Normal',
      run: { size: size.table },
      paragraph: { spacing: { line: line.table, lineRule: LineRuleType.EXACT } },
    },
    {
      id: styleIds.small,
      name: '小字',
      basedOn: 'Normal',
      run: { size: size.small },
      paragraph: { spacing: { line: line.small, lineRule: LineRuleType.EXACT } },
    },
  ],
};
