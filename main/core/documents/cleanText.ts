import { stripHiddenCharacters } from '../../contract';

// The document writer's last line of defence. The contract refuses hidden characters in every
// free-text field, but rows written before that rule, or past it (an import, a repair by hand),
// may still hold them, and a single U+FFFE makes the whole .docx invalid XML: Word and
// LibreOffice refuse to open it. Every string of the model is cleaned before any generator, the
// verification fingerprint included, sees it. Clean text comes back unchanged (the same object).

export function withoutHiddenCharacters<T>(value: T): T {
  if (typeof value === 'string') return stripHiddenCharacters(value) as T;
  if (Array.isArray(value)) {
    const items = value.map((item: unknown) => withoutHiddenCharacters(item));
    return (items.every((item, i) => item === value[i]) ? value : items) as T;
  }
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    let changed = false;
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      out[key] = withoutHiddenCharacters(item);
      if (out[key] !== item) changed = true;
    }
    return (changed ? out : value) as T;
  }
  return value;
}
