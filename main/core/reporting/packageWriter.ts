import { createCipheriv, createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Readable, type Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { ZipFile } from 'yazl';
import {
  infoSetNames,
  infoSets,
  PROVINCE_SCHEMA_VERSION,
  type InfoSetName,
} from '../../contract/province/infoSets';
import type { ProvinceMapping } from '../../contract/province/mapping';
import type { InstallationKeys } from '../installationKeys/keys';
import { PackageCancelled } from './cancelled';
import { compileMapping, compileTextMapping } from './mapping';
import { Digesting, encryptingStream, nonceFor, type PackageKey } from './protection';
import { writeWorkbook } from './workbook';

// Writes one provincial data package as a zip, streaming: records are read a page at a time,
// mapped, serialised, compressed and encrypted on their way into the zip, so memory stays flat
// however many cases there are. The same batch, mapping and key always give the same bytes:
// entries in a fixed order with the batch's time as their date, deterministic encryption
// (./protection.ts), and a deterministic Ed25519 signature over the manifest.

export const MANIFEST = 'manifest.json';
export const SIGNATURE = 'manifest.sig';
export const SIGNATURE_PURPOSE = 'province/manifest/v1';
export const PACKAGE_FORMAT = 'pingluo-mediation-desk/province-package';

export interface BatchForPackage {
  id: string;
  batchNo: number;
  createdAt: string;
  salt: string;
  counts: Record<InfoSetName, number>;
}

export interface StoredRecord {
  recordId: string;
  payload: string;
}

export interface PackageInput {
  batch: BatchForPackage;
  office: { id: string; name: string };
  mapping: ProvinceMapping;
  /** The package key, perhaps still being derived; the caller wipes it afterwards. */
  key: Promise<PackageKey>;
  /** Whether the key encrypts (false: the 管理员's unencrypted export). */
  encrypted: boolean;
  keys: InstallationKeys;
  /**
   * The batch's records of one info-set, a page at a time, in record-id order: read back from
   * the frozen batch, or (a new batch) the pages as they are frozen. `batch.counts` must be whole
   * by the time the last page is taken.
   */
  pages(set: InfoSetName): AsyncIterable<StoredRecord[]>;
  /** Called as records are written (progress). */
  onRecords(count: number): void;
  cancelled(): boolean;
  outPath: string;
  /** A scratch directory for the spreadsheet form. */
  tempDir: string;
}

export interface ManifestFile {
  name: string;
  infoSets: InfoSetName[];
  records: number;
  size: number;
  sha256: string;
  encoding: string[];
  iv?: string;
}

export function packageFileName(batchNo: number): string {
  return `省级报送数据包-第${String(batchNo).padStart(4, '0')}批.zip`;
}

function digestOf(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex');
}

/** The mapped records of one info-set as JSON text: "[\n{…},\n{…}\n]\n". */
async function* jsonRecords(input: PackageInput, set: InfoSetName): AsyncGenerator<Buffer> {
  const text = compileTextMapping(input.mapping, set);
  const walk = text ? null : compileMapping(input.mapping, set);
  const map = text ?? ((payload: string) => JSON.stringify(walk!(JSON.parse(payload) as object)));
  yield Buffer.from('[\n');
  let first = true;
  for await (const page of input.pages(set)) {
    if (input.cancelled()) throw new PackageCancelled();
    const parts: string[] = [];
    for (const r of page) {
      parts.push(first ? map(r.payload) : `,\n${map(r.payload)}`);
      first = false;
    }
    yield Buffer.from(parts.join(''));
    input.onRecords(page.length);
  }
  yield Buffer.from('\n]\n');
}

export async function writePackage(input: PackageInput): Promise<{ manifestSha256: string; size: number }> {
  const { batch, mapping } = input;
  const mtime = new Date(batch.createdAt);
  const encrypted = input.encrypted;
  const mappingSha256 = digestOf(mapping);
  await mkdir(dirname(input.outPath), { recursive: true, mode: 0o700 });
  const zip = new ZipFile();
  const out = createWriteStream(input.outPath, { mode: 0o600 });
  const written = pipeline(zip.outputStream, out);
  // Awaited on success; on failure the entry's own error is the one reported.
  written.catch(() => undefined);
  const files: ManifestFile[] = [];

  async function addEntry(baseName: string, sets: InfoSetName[], source: Readable, gzip: boolean) {
    const encoding: string[] = [];
    const stages: Transform[] = [];
    let name = baseName;
    let iv: Buffer | undefined;
    if (encrypted) {
      if (gzip) {
        // Big output chunks: each chunk pays for the cipher, the digest, the zip's CRC and a write.
        stages.push(createGzip({ level: 6, chunkSize: 256 * 1024 }));
        encoding.push('gzip');
        name += '.gz';
      }
      const cipher = input.key.then(({ key }) => {
        if (!key) throw new Error('an encrypted package without its key');
        iv = nonceFor(key, [batch.id, baseName, mappingSha256]);
        return createCipheriv('aes-256-gcm', key, iv);
      });
      stages.push(encryptingStream(cipher));
      encoding.push('aes-256-gcm');
      name += '.enc';
    }
    const digest = new Digesting();
    // Resolves once every byte went through the digest (yazl is reading it meanwhile).
    const done = pipeline([source, ...stages, digest]);
    // Stored as is when encrypted (ciphertext does not compress), deflated otherwise.
    zip.addReadStream(digest, name, { mtime, compress: !encrypted, mode: 0o100644 });
    await done;
    files.push({
      name,
      infoSets: sets,
      records: sets.reduce((n, s) => n + batch.counts[s], 0),
      size: digest.size,
      sha256: digest.digest(),
      encoding,
      ...(iv ? { iv: iv.toString('base64') } : {}),
    });
  }

  try {
    if (mapping.form === 'json') {
      for (const set of infoSetNames) {
        const source = Readable.from(jsonRecords(input, set), { objectMode: false });
        await addEntry(`data/${mapping.infoSets[set].name}.json`, [set], source, true);
      }
    } else {
      const workbook = await writeWorkbook(input, mtime);
      try {
        await addEntry(`data/${mapping.id}.xlsx`, [...infoSetNames], createReadStream(workbook), false);
      } finally {
        await rm(workbook, { force: true });
      }
    }
    const { manifest: protection } = await input.key;
    const manifest = {
      format: PACKAGE_FORMAT,
      version: 1,
      schemaVersion: PROVINCE_SCHEMA_VERSION,
      batch: { id: batch.id, number: batch.batchNo, createdAt: batch.createdAt },
      office: input.office,
      sender: { ...input.keys.publicKeys, fingerprint: input.keys.fingerprint },
      mapping: { id: mapping.id, name: mapping.name, form: mapping.form, sha256: mappingSha256 },
      protection,
      infoSets: Object.fromEntries(
        infoSetNames.map((s) => [s, { title: infoSets[s].title, records: batch.counts[s] }]),
      ),
      files,
    };
    const manifestBytes = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8');
    zip.addBuffer(manifestBytes, MANIFEST, { mtime, compress: true, mode: 0o100644 });
    zip.addBuffer(Buffer.from(`${input.keys.sign(SIGNATURE_PURPOSE, manifestBytes)}\n`), SIGNATURE, {
      mtime,
      compress: false,
      mode: 0o100644,
    });
    zip.end();
    await written;
    return {
      manifestSha256: createHash('sha256').update(manifestBytes).digest('hex'),
      size: out.bytesWritten,
    };
  } catch (error) {
    out.destroy();
    await rm(input.outPath, { force: true });
    throw error;
  }
}
