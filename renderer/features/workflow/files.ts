import { attachmentMimeTypes, MAX_ATTACHMENT_BYTES } from '../../../main/contract';

// Evidence files: the allow-list and size limit from the contract, checked before reading the
// file so a clerk hears at once why a file is refused; the service checks the bytes again.

export type AttachmentMime = (typeof attachmentMimeTypes)[number];

export const acceptAttr = '.jpg,.jpeg,.png,.tif,.tiff,.pdf';

const byExtension: Record<string, AttachmentMime> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  tif: 'image/tiff',
  tiff: 'image/tiff',
  pdf: 'application/pdf',
};

/** The declared type: the browser's, or (TIFF often comes without one) the extension's. */
export function mimeOf(file: { name: string; type: string }): AttachmentMime | null {
  if ((attachmentMimeTypes as readonly string[]).includes(file.type)) return file.type as AttachmentMime;
  const ext = file.name.split('.').pop()?.toLowerCase() ?? '';
  return byExtension[ext] ?? null;
}

/** Why a file cannot be attached, or null. */
export function fileProblem(file: { name: string; type: string; size: number }): string | null {
  if (!mimeOf(file)) return `“${file.name}”不能上传：只能上传 JPG、PNG、TIFF 图片或 PDF 文件`;
  if (file.size === 0) return `“${file.name}”是空文件`;
  if (file.size > MAX_ATTACHMENT_BYTES) return `“${file.name}”超过10 MB，请压缩或分开上传`;
  return null;
}

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
