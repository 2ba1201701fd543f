import { createDecipheriv, createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import type { TrustedOfficeRow } from '../../../db';
import { exchangeLine, type ExchangeLine } from '../../contract/exchange/records';
import { ValidationError } from '../errors';
import { verifyInstallationSignature, type InstallationKeys } from '../installationKeys/keys';
import {
  EXCHANGE_FORMAT,
  EXCHANGE_VERSION,
  MANIFEST_ENTRY,
  SIGNATURE_ENTRY,
  SIGNATURE_PURPOSE,
  exchangeManifest,
  unwrapPayloadKey,
  type ExchangeManifest,
} from './manifest';

// Reads an exchange package as hostile until proven otherwise (issue 14). In order: the zip's
// directory (entry count, names, symlinks, duplicates, declared sizes and ratios), the
// manifest and its signature against the trusted office's key, the recipient, the sequence
// (no replay), that the entries are exactly the manifest's, then each entry read into memory
// with its bytes counted as they arrive (never more than the limit), its SHA-256 checked,
// decrypted (the GCM tag checked), unzipped with a bound, and every record parsed with the
// contract's schema. Any failure is a ValidationError with the reason in Chinese.

export const packageLimits = {
  maxFileBytes: 4 * 1024 ** 3,
  maxEntries: 10_002,
  /** An entry as stored: one page of records, encrypted. */
  maxEntryBytes: 32 * 1024 ** 2,
  /** An entry's records once unzipped. */
  maxPlainBytes: 256 * 1024 ** 2,
  maxTotalBytes: 4 * 1024 ** 3,
  /** Uncompressed ÷ compressed size of one zip entry. */
  maxRatio: 100,
  maxManifestBytes: 4 * 1024 ** 2,
};

export function rejected(reason: string): ValidationError {
  return new ValidationError(`数据包不能导入：${reason}`);
}

/** A file name from the package, safe to show (no control characters, not too long). */
function shown(name: string): string {
  const clean = name.replace(/[\p{C}]/gu, '?');
  return clean.length > 60 ? `${clean.slice(0, 57)}…` : clean;
}

function openZip(path: string): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(
      path,
      { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: true },
      (error, zip) => {
        if (error) reject(rejected('文件不完整或不是zip数据包（可能下载或拷贝时被截断），请让对方重新发送'));
        else resolve(zip);
      },
    );
  });
}

function entryName(entry: Entry): string {
  const raw = entry.fileName as unknown as Buffer | string;
  return typeof raw === 'string' ? raw : raw.toString('utf8');
}

/** The central directory, checked entry by entry before any content is read. */
function directory(zip: ZipFile): Promise<Map<string, Entry>> {
  return new Promise((resolve, reject) => {
    if (zip.entryCount > packageLimits.maxEntries)
      return reject(rejected(`数据包含有${zip.entryCount}个文件，超过上限（疑似压缩炸弹）`));
    const entries = new Map<string, Entry>();
    let total = 0;
    zip.on('entry', (entry: Entry) => {
      const name = entryName(entry);
      const fail = (reason: string) => {
        zip.removeAllListeners('entry');
        reject(rejected(reason));
      };
      if (
        name.includes('\\') ||
        name.startsWith('/') ||
        /^[A-Za-z]:/.test(name) ||
        name.split('/').some((part) => part === '..' || part === '.')
      )
        return fail(`文件名“${shown(name)}”是绝对路径或含有“..”（路径穿越），可能是恶意文件`);
      const type = (entry.externalFileAttributes >>> 16) & 0o170000;
      if (type === 0o120000) return fail(`数据包含有符号链接“${shown(name)}”，可能是恶意文件`);
      if (name.endsWith('/') || (type !== 0 && type !== 0o100000))
        return fail(`数据包含有清单未列出的文件“${shown(name)}”`);
      if (entries.has(name)) return fail(`数据包含有重复的文件“${shown(name)}”`);
      total += entry.uncompressedSize;
      if (entry.uncompressedSize > packageLimits.maxPlainBytes || total > packageLimits.maxTotalBytes)
        return fail('数据包解压后的大小超过上限（疑似压缩炸弹）');
      if (entry.uncompressedSize > Math.max(1, entry.compressedSize) * packageLimits.maxRatio)
        return fail(`文件“${shown(name)}”的压缩比异常（疑似压缩炸弹）`);
      entries.set(name, entry);
      zip.readEntry();
    });
    zip.once('end', () => resolve(entries));
    zip.once('error', () => reject(rejected('数据包的目录已损坏或不完整，请让对方重新发送')));
    zip.readEntry();
  });
}

/** An entry's bytes, counted as they stream in: more than `limit` stops the read at once. */
function readEntry(zip: ZipFile, entry: Entry, limit: number): Promise<Buffer> {
  const name = shown(entryName(entry));
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error) return reject(rejected(`文件“${name}”无法读取（数据包已损坏或被截断）`));
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > limit) {
          stream.destroy();
          reject(rejected(`文件“${name}”解压后超过上限（疑似压缩炸弹）`));
          return;
        }
        chunks.push(chunk);
      });
      stream.once('error', (e: Error) =>
        reject(
          rejected(
            /too many bytes|bomb/i.test(e.message)
              ? `文件“${name}”的实际大小与声明不符（疑似压缩炸弹）`
              : `文件“${name}”无法读取（数据包已损坏或被截断）`,
          ),
        ),
      );
      stream.once('end', () => resolve(Buffer.concat(chunks)));
    });
  });
}

export interface ReaderContext {
  ownOfficeId: string;
  keys: InstallationKeys;
  trusted(officeId: string): TrustedOfficeRow | undefined;
  /** The highest of this sender's sequence numbers already imported (0: none). */
  lastSequenceIn(officeId: string): number;
}

export interface OpenedPackage {
  manifest: ExchangeManifest;
  manifestSha256: string;
  sender: TrustedOfficeRow;
  /** How many records the manifest declares (each entry's count is checked as it is read). */
  records: number;
  /** Every record, a page (entry) at a time, each checked against the manifest and the schemas. */
  readPages(onPage: (lines: ExchangeLine[]) => void | Promise<void>): Promise<void>;
  close(): void;
}

export async function openExchangePackage(path: string, ctx: ReaderContext): Promise<OpenedPackage> {
  const info = await stat(path).catch(() => null);
  if (!info?.isFile()) throw rejected('找不到该文件，请检查路径');
  if (info.size > packageLimits.maxFileBytes) throw rejected('文件过大，不是本软件生成的交换数据包');
  const zip = await openZip(path);
  try {
    const opened = await verify(zip, ctx);
    return opened;
  } catch (error) {
    zip.close();
    throw error;
  }
}

async function verify(zip: ZipFile, ctx: ReaderContext): Promise<OpenedPackage> {
  const entries = await directory(zip);
  const manifestEntry = entries.get(MANIFEST_ENTRY);
  const signatureEntry = entries.get(SIGNATURE_ENTRY);
  if (!manifestEntry || !signatureEntry)
    throw rejected('缺少清单或签名（manifest.json、manifest.sig），不是本软件生成的交换数据包');
  const manifestBytes = await readEntry(zip, manifestEntry, packageLimits.maxManifestBytes);
  const signature = (await readEntry(zip, signatureEntry, 1024)).toString('utf8').trim();
  let json: unknown;
  try {
    json = JSON.parse(manifestBytes.toString('utf8'));
  } catch {
    throw rejected('清单无法读取（已损坏或被改动）');
  }
  const format = (json as { format?: unknown; version?: unknown } | null) ?? {};
  if (format.format !== EXCHANGE_FORMAT) throw rejected('这不是县乡数据交换数据包');
  const version = format.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    throw rejected('数据包的格式版本无法识别（已损坏或被改动）');
  if (version > EXCHANGE_VERSION)
    throw rejected(
      `数据包由更新版本的软件生成（格式第${version}版，本机只能读取到第${EXCHANGE_VERSION}版），请先升级本机软件再导入`,
    );
  const parsed = exchangeManifest.safeParse(json);
  if (!parsed.success) throw rejected('清单格式不正确（已损坏或被改动）');
  const manifest = parsed.data;

  const sender = ctx.trusted(manifest.sender.officeId);
  if (!sender)
    throw rejected(
      `发送机构“${shown(manifest.sender.officeName)}”不在本机的信任机构中，请先导入对方的机构密钥卡`,
    );
  if (sender.revokedAt)
    throw rejected(`对${sender.officeName}的信任已于${sender.revokedAt.slice(0, 10)}撤销`);
  if (sender.signingKey !== manifest.sender.signing)
    throw rejected(`数据包的签名密钥与${sender.officeName}的机构密钥卡不符，不能确认是对方发出的`);
  if (!verifyInstallationSignature(sender.signingKey, SIGNATURE_PURPOSE, manifestBytes, signature))
    throw rejected(`清单签名无效：清单被改动过，或不是${sender.officeName}签发的`);
  if (
    manifest.recipient.officeId !== ctx.ownOfficeId ||
    manifest.recipient.agreement !== ctx.keys.publicKeys.agreement
  )
    throw rejected('这个数据包是发给其他机构的，不是发给本机构的');
  const last = ctx.lastSequenceIn(sender.officeId);
  if (manifest.sequence <= last)
    throw rejected(
      manifest.sequence === last
        ? `${sender.officeName}的第${manifest.sequence}号数据包已经导入过，不能重复导入`
        : `这是${sender.officeName}的第${manifest.sequence}号数据包，早于已导入的第${last}号，不能导入（后面的数据包已包含它的内容）`,
    );
  const listed = new Map(manifest.entries.map((e) => [e.name, e]));
  if (listed.size !== manifest.entries.length) throw rejected('清单中有重复的文件');
  for (const name of entries.keys())
    if (name !== MANIFEST_ENTRY && name !== SIGNATURE_ENTRY && !listed.has(name))
      throw rejected(`数据包含有清单未列出的文件“${shown(name)}”`);
  for (const name of listed.keys())
    if (!entries.has(name)) throw rejected(`数据包缺少清单列出的文件“${name}”（文件不完整）`);
  const key = unwrapPayloadKey(manifest, ctx.keys);
  if (!key) throw rejected('无法解开数据包的密钥（不是用本机构的公钥加密的，或已被改动）');

  return {
    manifest,
    manifestSha256: createHash('sha256').update(manifestBytes).digest('hex'),
    sender,
    records: manifest.entries.reduce((sum, e) => sum + e.records, 0),
    async readPages(onPage) {
      let index = 0;
      for (const item of manifest.entries) {
        const bytes = await readEntry(zip, entries.get(item.name)!, packageLimits.maxEntryBytes);
        if (bytes.length !== item.size || createHash('sha256').update(bytes).digest('hex') !== item.sha256)
          throw rejected(`文件“${item.name}”的校验值与清单不符（内容被改动或不完整）`);
        let plain: Buffer;
        try {
          const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(item.iv, 'base64'));
          decipher.setAuthTag(bytes.subarray(bytes.length - 16));
          plain = Buffer.concat([decipher.update(bytes.subarray(0, bytes.length - 16)), decipher.final()]);
        } catch {
          throw rejected(`文件“${item.name}”解密失败（内容被改动）`);
        }
        let text: string;
        try {
          text = gunzipSync(plain, { maxOutputLength: packageLimits.maxPlainBytes }).toString('utf8');
        } catch {
          throw rejected(`文件“${item.name}”解压失败或解压后超过上限`);
        }
        const lines: ExchangeLine[] = [];
        for (const raw of text.split('\n')) {
          if (!raw) continue;
          index += 1;
          let value: unknown;
          try {
            value = JSON.parse(raw);
          } catch {
            throw rejected(`第${index}条记录无法读取`);
          }
          const line = exchangeLine.safeParse(value);
          if (!line.success) {
            const issue = line.error.issues[0];
            if (issue?.code === 'invalid_union')
              throw rejected(`第${index}条记录的类型本机不认识，请双方升级到同一版本的软件`);
            throw rejected(
              `第${index}条记录不符合格式：${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim(),
            );
          }
          lines.push(line.data);
        }
        if (lines.length !== item.records)
          throw rejected(
            `文件“${item.name}”的记录数与清单不符（清单${item.records}条，实有${lines.length}条）`,
          );
        await onPage(lines);
      }
    },
    close() {
      key.fill(0);
      zip.close();
    },
  };
}
