import type { z } from 'zod';
import {
  exportModeLabels,
  type exportDocumentInput,
  type ExportResultDto,
  type PlatformDto,
} from '../../contract';
import type { ServiceContext } from '../context';
import { ConflictError } from '../errors';
import type { Platform } from './platform';
import { versionFile, versionRow } from './versions';

// A plaintext copy of a document leaving the encrypted store, by one of three doors, each
// audited with who, which version and where: a browser download, a save dialog (desktop), or
// opening it in Word/WPS (desktop; the copy goes only into the session's private temp folder,
// which is wiped at launch, sign-in, lock and exit).

export interface ExportEnvironment {
  platform: Platform | undefined;
  /** The session's private temp folder. */
  tempDir: string;
}

export function platformCapabilities(platform: Platform | undefined): PlatformDto {
  return { desktop: Boolean(platform), saveAs: Boolean(platform), openWithDefaultApp: Boolean(platform) };
}

export async function exportDocument(
  ctx: ServiceContext,
  input: z.output<typeof exportDocumentInput>,
  env: ExportEnvironment,
): Promise<ExportResultDto> {
  const row = versionRow(ctx.repos, input.versionId);
  ctx.audit.target = row.caseId;
  const what = `${row.caseNumber}：${row.title} 第${row.versionNo}版`;
  const file = versionFile(ctx.repos, input.versionId);
  if (input.mode === 'download') {
    ctx.audit.detail = `${what}，${exportModeLabels.download}`;
    return { mode: 'download', done: true, savedTo: null, file };
  }
  if (!env.platform)
    throw new ConflictError(`“${exportModeLabels[input.mode]}”仅在桌面版中可用，浏览器中请使用“下载”`);
  const bytes = Buffer.from(file.dataBase64, 'base64');
  if (input.mode === 'saveAs') {
    const savedTo = await env.platform.saveAs(file.fileName, bytes);
    ctx.audit.detail = savedTo ? `${what}，另存为 ${savedTo}` : `${what}，另存为（已取消）`;
    return { mode: 'saveAs', done: savedTo !== null, savedTo, file: null };
  }
  await env.platform.openWithDefaultApp(bytes, file.fileName, env.tempDir);
  ctx.audit.detail = `${what}，用 Word/WPS 打开（临时副本，锁定或退出时清除）`;
  return { mode: 'open', done: true, savedTo: null, file: null };
}
