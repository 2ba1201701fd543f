// The WordprocessingML object tree as docx builds it (before it is zipped): one key per element,
// its children in an array, attributes under _attr. Small readers shared by the paragraph and
// table converters (ooxmlParagraph.ts, ooxmlTable.ts).

export type Xml = Record<string, unknown>;
export type Attrs = Record<string, string | number | undefined>;

export const TWIP = 1 / 20;

export function tagOf(node: unknown): string | null {
  if (!node || typeof node !== 'object' || Array.isArray(node)) return null;
  const keys = Object.keys(node);
  return keys.length === 1 ? keys[0]! : null;
}

/** The children of an element (its array), without the attribute entry. */
export function kids(node: Xml): Xml[] {
  const value = Object.values(node)[0];
  if (!Array.isArray(value)) return [];
  return value.filter((c): c is Xml => typeof c === 'object' && c !== null && !('_attr' in c));
}

export function attrs(node: Xml | undefined): Attrs {
  if (!node) return {};
  const value = Object.values(node)[0];
  if (Array.isArray(value)) {
    const a = value.find((c) => typeof c === 'object' && c !== null && '_attr' in c) as
      { _attr: Attrs } | undefined;
    return a?._attr ?? {};
  }
  if (value && typeof value === 'object' && '_attr' in value) return (value as { _attr: Attrs })._attr;
  return {};
}

export function child(node: Xml, tag: string): Xml | undefined {
  return kids(node).find((c) => tagOf(c) === tag);
}

export const num = (v: string | number | undefined, fallback = 0): number =>
  v === undefined || v === '' ? fallback : Number(v);

/** A toggle property (<w:b/>, <w:keepNext/>) is on unless it says val="false"/"0". */
export function on(node: Xml | undefined): boolean | undefined {
  if (!node) return undefined;
  const v = attrs(node)['w:val'];
  return !(v === 'false' || v === 0 || v === '0');
}
