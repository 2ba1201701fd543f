// The limit issue 18 measures the agreement's .docx against: the same agreement filled into a
// template by docxtemplater (a dev dependency, for the bench only), which makes no layout
// decision at all. The template is the app's own agreement for the bench case with the text of
// every run replaced by a tag ({t0}, {t1}, …), so the filled document has the same paragraphs,
// runs, table and QR image as the app's; only the app decides where the pages break.
import Docxtemplater from 'docxtemplater';
import PizZip from 'pizzip';

export interface AgreementTemplate {
  /** The .docx template. */
  template: Buffer;
  /** Tag → the run's text, as the app printed it. */
  data: Record<string, string>;
}

const unescapeXml = (text: string): string =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** Turns a packed agreement into a template of itself and the data that fills it back in. */
export function agreementTemplate(docx: Buffer): AgreementTemplate {
  const zip = new PizZip(docx);
  const xml = zip.file('word/document.xml')!.asText();
  const data: Record<string, string> = {};
  let n = 0;
  const tagged = xml.replace(
    /<w:t(\s[^>]*)?>([^<]*)<\/w:t>/g,
    (_, attributes: string | undefined, text: string) => {
      const tag = `t${n++}`;
      data[tag] = unescapeXml(text);
      return `<w:t${attributes ?? ''}>{${tag}}</w:t>`;
    },
  );
  zip.file('word/document.xml', tagged);
  return { template: zip.generate({ type: 'nodebuffer', compression: 'DEFLATE' }), data };
}

/** One render: parse the template, fill it, zip it (what a template-based generator spends). */
export function fillTemplate({ template, data }: AgreementTemplate): Buffer {
  const doc = new Docxtemplater(new PizZip(template), { paragraphLoop: true });
  doc.render(data);
  return doc.getZip().generate({ type: 'nodebuffer', compression: 'DEFLATE' });
}
