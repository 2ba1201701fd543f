import { createCipheriv, createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { gzipSync } from 'node:zlib';
import { ZipFile } from 'yazl';
import type { ExchangeLine } from '../../contract/exchange/records';
import type { InstallationKeys } from '../installationKeys/keys';
import {
  EXCHANGE_FORMAT,
  EXCHANGE_VERSION,
  MANIFEST_ENTRY,
  SIGNATURE_ENTRY,
  SIGNATURE_PURPOSE,
  dataEntryName,
  newPayloadKey,
  type ExchangeManifest,
} from './manifest';

// Writes one exchange package, streaming: the records come a page at a time, each page becomes
// one entry (JSON lines, gzip, AES-256-GCM under the package's fresh key with its own IV), and
// the manifest with every entry's SHA-256 is written last and signed.

/** How far generation may run ahead of the file being written. */
const MAX_PENDING_BYTES = 16 * 1024 * 1024;

export type ManifestHeader = Omit<ExchangeManifest, 'format' | 'version' | 'encryption' | 'entries'>;

export interface OutgoingPackage {
  header: ManifestHeader;
  keys: InstallationKeys;
  /** Pages of records, each written as one entry. */
  pages: AsyncIterable<ExchangeLine[]>;
  outPath: string;
}

export async function writeExchangePackage(
  pkg: OutgoingPackage,
): Promise<{ manifestSha256: string; size: number; records: number }> {
  const { key, encryption } = newPayloadKey(pkg.header.recipient.agreement, pkg.header.packageId);
  const zip = new ZipFile();
  const out = createWriteStream(pkg.outPath, { mode: 0o600 });
  const written = pipeline(zip.outputStream, out);
  let failed = false;
  written.catch(() => {
    failed = true;
  });
  let added = 0;
  const mtime = new Date(pkg.header.createdAt);
  const entries: ExchangeManifest['entries'] = [];
  let records = 0;
  try {
    for await (const page of pkg.pages) {
      if (!page.length) continue;
      const plain = gzipSync(Buffer.from(page.map((l) => JSON.stringify(l)).join('\n') + '\n', 'utf8'));
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const sealed = Buffer.concat([cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
      const name = dataEntryName(entries.length + 1);
      entries.push({
        name,
        size: sealed.length,
        sha256: createHash('sha256').update(sealed).digest('hex'),
        iv: iv.toString('base64'),
        records: page.length,
      });
      zip.addBuffer(sealed, name, { mtime, compress: false, mode: 0o100644 });
      records += page.length;
      added += sealed.length;
      // yazl queues what it is given: wait for the file to catch up, so the package streams
      // to disk instead of gathering in memory.
      while (added - out.bytesWritten > MAX_PENDING_BYTES && !failed)
        await new Promise((resolve) => setTimeout(resolve, 2));
    }
    const manifest: ExchangeManifest = {
      format: EXCHANGE_FORMAT,
      version: EXCHANGE_VERSION,
      ...pkg.header,
      encryption,
      entries,
    };
    const bytes = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8');
    zip.addBuffer(bytes, MANIFEST_ENTRY, { mtime, compress: true, mode: 0o100644 });
    zip.addBuffer(Buffer.from(pkg.keys.sign(SIGNATURE_PURPOSE, bytes)), SIGNATURE_ENTRY, {
      mtime,
      compress: false,
      mode: 0o100644,
    });
    zip.end();
    await written;
    return {
      manifestSha256: createHash('sha256').update(bytes).digest('hex'),
      size: out.bytesWritten,
      records,
    };
  } catch (error) {
    out.destroy();
    await rm(pkg.outPath, { force: true });
    throw error;
  } finally {
    key.fill(0);
  }
}
