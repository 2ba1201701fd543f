import { MAX_SCAN_BYTES, scanMimeTypes } from '../../../main/contract';

// Bytes in the renderer: base64 from the channels to Blobs and back, the browser download, and
// the checks on a signed scan before it is read (the service checks the bytes again).

export type ScanMime = (typeof scanMimeTypes)[number];

export const scanAccept = '.pdf,.jpg,.jpeg,.png';

const byExtension: Record<string, ScanMime> = {
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
};

export function scanMimeOf(file: { name: string; type: string }): ScanMime | null {
  if ((scanMimeTypes as readonly string[]).includes(file.type)) return file.type as ScanMime;
  return byExtension[file.name.split('.').pop()?.toLowerCase() ?? ''] ?? null;
}

/** Why a file cannot be attached as a signed scan, or null. */
export function scanProblem(file: { name: string; type: string; size: number }): string | null {
  if (!scanMimeOf(file)) return `“${file.name}”不能上传：签署扫描件只能是 PDF、JPG 或 PNG 文件`;
  if (file.size === 0) return `“${file.name}”是空文件`;
  if (file.size > MAX_SCAN_BYTES) return `“${file.name}”超过10 MB，请降低扫描分辨率后重新上传`;
  return null;
}

export async function blobToBase64(blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function base64ToBlob(data: string, mimeType: string): Blob {
  const binary = atob(data);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type: mimeType });
}

/** Browser mode: hand the file to the browser's own download. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.ceil(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
