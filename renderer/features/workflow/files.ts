import { attachmentMimeTypes, MAX_ATTACHMENT_BYTES } from '../../../main/contract';
import { fileChecks } from '../../components/files';

// Evidence files: the allow-list and size limit from the contract, checked before reading the
// file so a clerk hears at once why a file is refused.

export type AttachmentMime = (typeof attachmentMimeTypes)[number];

export const acceptAttr = '.jpg,.jpeg,.png,.tif,.tiff,.pdf';

const evidence = fileChecks<AttachmentMime>({
  mimes: attachmentMimeTypes,
  byExtension: {
    jpg: 'image/jpeg',
    jpeg: 'image/jpeg',
    png: 'image/png',
    tif: 'image/tiff',
    tiff: 'image/tiff',
    pdf: 'application/pdf',
  },
  maxBytes: MAX_ATTACHMENT_BYTES,
  allowed: '只能上传 JPG、PNG、TIFF 图片或 PDF 文件',
  tooLarge: '超过10 MB，请压缩或分开上传',
});

export const mimeOf = evidence.mimeOf;
export const fileProblem = evidence.problem;
export { fromBase64, saveBlob, sizeText, toBase64 } from '../../components/files';
