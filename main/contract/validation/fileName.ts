import { stripHiddenCharacters } from './hiddenCharacters';

// An uploaded file's name is only ever shown (and offered back as a download name): the bytes
// live inside the database. Keep a name that shows what it is and cannot point anywhere:
// `../../etc/cron.d/x.pdf` → `x.pdf`, `invoice‮fdp.exe` → `invoicefdp.exe`.

export const MAX_FILE_NAME_LENGTH = 100;

/** Longest extension kept whole when a long name is shortened (“.jpeg”, “.tiff”). */
const MAX_EXTENSION_LENGTH = 10;

/** The safe display name of a file name as typed or as the browser reports it; '' if none is left. */
export function safeDisplayName(raw: string): string {
  // The last segment of a path in either convention.
  const base = raw.split(/[\\/]/).pop() ?? '';
  let name = stripHiddenCharacters(base, { multiline: false })
    // Zero-width characters hide the real name as well.
    .replace(/[\u200b\u2060\ufeff]/g, '')
    // Characters Windows refuses in a file name, so the download can be saved as shown.
    .replace(/[<>:"|?*]/g, '_')
    .replace(/\s+/g, ' ')
    // No hidden (.x) or parent (..) names; Windows drops trailing dots and spaces.
    .replace(/^[.\s]+/, '')
    .replace(/[.\s]+$/, '');
  const chars = [...name];
  if (chars.length > MAX_FILE_NAME_LENGTH) {
    const dot = name.lastIndexOf('.');
    const extension = dot > 0 && name.length - dot <= MAX_EXTENSION_LENGTH ? name.slice(dot) : '';
    const stem = [...name.slice(0, name.length - extension.length)]
      .slice(0, MAX_FILE_NAME_LENGTH - extension.length)
      .join('')
      .trimEnd();
    name = stem + extension;
  }
  return name;
}

/** The extensions each uploadable type is known by; the first is added when a name has none of them. */
const EXTENSIONS: Record<string, readonly string[]> = {
  'application/pdf': ['.pdf'],
  'image/jpeg': ['.jpg', '.jpeg'],
  'image/png': ['.png'],
  'image/tiff': ['.tif', '.tiff'],
};

/**
 * The name to store and show for an upload of `mimeType`: the safe display name, ending in the
 * type's own extension (a PDF named “invoicefdp.exe” is shown as “invoicefdp.exe.pdf”).
 */
export function displayNameFor(fileName: string, mimeType: string): string {
  const name = safeDisplayName(fileName);
  const own = EXTENSIONS[mimeType];
  if (name === '' || !own || own.some((ext) => name.toLowerCase().endsWith(ext))) return name;
  return safeDisplayName(`${name}${own[0]}`);
}
