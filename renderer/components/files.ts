// Bytes in the renderer: base64 from the channels to Blobs and back, the browser download, sizes,
// and the checks a file gets before it is read (the service checks its bytes again).

export async function toBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) {
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  }
  return btoa(binary);
}

export function fromBase64(data: string, mimeType: string): Blob {
  const binary = atob(data);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type: mimeType });
}

export function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.ceil(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Saves a file the way a browser download does (Electron shows its save dialog). */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export interface FileRule<M extends string> {
  mimes: readonly M[];
  /** Types by extension, for files the browser gives no type (TIFF often comes without one). */
  byExtension: Record<string, M>;
  maxBytes: number;
  /** "只能上传 …" — what may be uploaded here. */
  allowed: string;
  tooLarge: string;
}

/** The declared type and the reason a file is refused (or null), for one upload's rules. */
export function fileChecks<M extends string>(rule: FileRule<M>) {
  const mimeOf = (file: { name: string; type: string }): M | null => {
    if ((rule.mimes as readonly string[]).includes(file.type)) return file.type as M;
    return rule.byExtension[file.name.split('.').pop()?.toLowerCase() ?? ''] ?? null;
  };
  const problem = (file: { name: string; type: string; size: number }): string | null => {
    if (!mimeOf(file)) return `“${file.name}”不能上传：${rule.allowed}`;
    if (file.size === 0) return `“${file.name}”是空文件`;
    if (file.size > rule.maxBytes) return `“${file.name}”${rule.tooLarge}`;
    return null;
  };
  return { mimeOf, problem };
}
