/** Just enough WordprocessingML reading for tests: paragraphs and tables as text. */
import { readZipText } from '../../src/server/documents/zip-reader';

export async function docxPart(buffer: Buffer, part = 'word/document.xml'): Promise<string> {
  return readZipText(buffer, part);
}

function decode(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

export function paragraphText(xml: string): string {
  let out = '';
  for (const match of xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:tab\/>/g)) out += match[1] === undefined ? '\t' : decode(match[1]);
  return out;
}

/** Top-level body paragraphs (outside tables), in order, as XML. */
export function bodyParagraphsXml(documentXml: string): string[] {
  const withoutTables = documentXml.replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, '');
  return [...withoutTables.matchAll(/<w:p>[\s\S]*?<\/w:p>|<w:p [^>]*>[\s\S]*?<\/w:p>/g)].map((m) => m[0]);
}

export interface TableRowXml { xml: string; cells: string[] }

export function tables(documentXml: string): TableRowXml[][] {
  return [...documentXml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((table) =>
    [...(table[1] ?? '').matchAll(/<w:tr>([\s\S]*?)<\/w:tr>|<w:tr [^>]*>([\s\S]*?)<\/w:tr>/g)].map((row) => {
      const xml = row[0];
      const cells = [...xml.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((cell) => paragraphText(cell[1] ?? ''));
      return { xml, cells };
    }));
}
