import { MAX_SCAN_BYTES, scanMimeTypes } from '../../../main/contract';
import { fileChecks } from '../../components/files';

// Signed scans of a generated document: their own allow-list and size limit.

export type ScanMime = (typeof scanMimeTypes)[number];

export const scanAccept = '.pdf,.jpg,.jpeg,.png';

const scans = fileChecks<ScanMime>({
  mimes: scanMimeTypes,
  byExtension: { pdf: 'application/pdf', jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png' },
  maxBytes: MAX_SCAN_BYTES,
  allowed: '签署扫描件只能是 PDF、JPG 或 PNG 文件',
  tooLarge: '超过10 MB，请降低扫描分辨率后重新上传',
});

export const scanMimeOf = scans.mimeOf;
export const scanProblem = scans.problem;
export {
  fromBase64 as base64ToBlob,
  saveBlob as downloadBlob,
  sizeText,
  toBase64 as blobToBase64,
} from '../../components/files';
