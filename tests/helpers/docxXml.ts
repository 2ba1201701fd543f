import { unzipSync } from 'fflate';
import { SaxesParser } from 'saxes';

// Is every XML part of a .docx well-formed XML 1.0? saxes is a conforming parser: unlike the
// lenient ones it refuses characters XML does not allow (U+FFFE, U+0001…), which is exactly what
// makes Word and LibreOffice refuse a document.

export interface XmlPart {
  name: string;
  text: string;
}

export function xmlParts(docx: Buffer): XmlPart[] {
  const files = unzipSync(new Uint8Array(docx));
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  return Object.entries(files)
    .filter(([name]) => /\.(xml|rels)$/.test(name))
    .map(([name, bytes]) => ({ name, text: utf8.decode(bytes) }));
}

/** Parse errors of every XML part, '' for none: `word/document.xml 3:517: disallowed character.` */
export function xmlProblems(docx: Buffer): string[] {
  const problems: string[] = [];
  for (const part of xmlParts(docx)) {
    const parser = new SaxesParser();
    let first: string | null = null;
    parser.on('error', (error) => {
      first ??= error.message;
    });
    try {
      parser.write(part.text).close();
    } catch (error) {
      first ??= (error as Error).message;
    }
    if (first) problems.push(`${part.name} ${first}`);
  }
  return problems;
}
