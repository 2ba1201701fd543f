import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { Transform, Writable, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yauzl, { type Entry, type ZipFile as ReadableZip } from 'yauzl';
import yazl from 'yazl';
import { fsyncFile } from '../files/durable';
import { DATABASE_ENTRY, KEYS_ENTRY, MANIFEST_ENTRY, SIGNATURE_ENTRY } from './manifest';

// The backup file is a plain zip (yazl/yauzl), every entry stored uncompressed: the snapshot is
// encrypted and would not shrink, and storing lets it stream in and out without a second copy.
// Entries: keys.json, desk.db, then manifest.json and manifest.sig (written last, because they
// carry the SHA-256 of the parts before them).

export interface PartDigest {
  bytes: number;
  sha256: string;
}

/** Counts and hashes what flows through, reporting the running byte count. */
function digesting(onBytes: (total: number) => void) {
  const hash = createHash('sha256');
  let bytes = 0;
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      bytes += chunk.length;
      onBytes(bytes);
      done(null, chunk);
    },
  });
  return { stream, digest: (): PartDigest => ({ bytes, sha256: hash.digest('hex') }) };
}

export function digestOf(bytes: Buffer): PartDigest {
  return { bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
}

export interface ArchiveContents {
  database: string;
  keys: Buffer;
  /** Called once the snapshot has streamed through: the manifest and its signature. */
  seal(database: PartDigest, keys: PartDigest): { manifest: Buffer; signature: string };
}

/** Writes the backup zip to `target` and flushes it to disk. */
export async function writeArchive(
  target: string,
  contents: ArchiveContents,
  onBytes: (written: number) => void,
): Promise<PartDigest> {
  const zip = new yazl.ZipFile();
  const mtime = new Date(0);
  const stored = { compress: false, mtime, mode: 0o100600 };
  zip.addBuffer(contents.keys, KEYS_ENTRY, stored);
  const db = digesting(onBytes);
  zip.addReadStream(createReadStream(contents.database).pipe(db.stream), DATABASE_ENTRY, stored);
  db.stream.once('end', () => {
    const sealed = contents.seal(db.digest(), digestOf(contents.keys));
    zip.addBuffer(sealed.manifest, MANIFEST_ENTRY, stored);
    zip.addBuffer(Buffer.from(sealed.signature, 'utf8'), SIGNATURE_ENTRY, stored);
    zip.end();
  });
  const file = digesting(() => undefined);
  await pipeline(zip.outputStream, file.stream, createWriteStream(target, { mode: 0o600 }));
  fsyncFile(target);
  return file.digest();
}

const SMALL_LIMIT = 1024 * 1024;

/** A backup zip opened for reading. Every failure is an Error whose cause is the file itself. */
export class BackupArchive {
  private constructor(
    private readonly zip: ReadableZip,
    private readonly entries: Map<string, Entry>,
  ) {}

  static open(path: string): Promise<BackupArchive> {
    return new Promise((resolve, reject) => {
      yauzl.open(path, { lazyEntries: true, autoClose: false }, (error, zip) => {
        if (error) return reject(error);
        const entries = new Map<string, Entry>();
        zip.on('entry', (entry: Entry) => {
          entries.set(entry.fileName, entry);
          zip.readEntry();
        });
        zip.once('end', () => resolve(new BackupArchive(zip, entries)));
        zip.once('error', (e: Error) => {
          zip.close();
          reject(e);
        });
        zip.readEntry();
      });
    });
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  size(name: string): number {
    return this.entries.get(name)?.uncompressedSize ?? 0;
  }

  private stream(name: string): Promise<Readable> {
    const entry = this.entries.get(name);
    if (!entry) return Promise.reject(new Error(`missing entry ${name}`));
    return new Promise((resolve, reject) => {
      this.zip.openReadStream(entry, (error, stream) => (error ? reject(error) : resolve(stream)));
    });
  }

  /** A small entry (manifest, signature, key file) in memory. */
  async read(name: string): Promise<Buffer> {
    if (this.size(name) > SMALL_LIMIT) throw new Error(`entry ${name} is too large`);
    const chunks: Buffer[] = [];
    for await (const chunk of await this.stream(name)) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }

  /** Streams an entry through SHA-256, into `to` when given (flushed to disk). */
  async copy(name: string, to: string | null, onBytes: (done: number) => void): Promise<PartDigest> {
    const d = digesting(onBytes);
    const sink = to
      ? createWriteStream(to, { mode: 0o600 })
      : new Writable({ write: (_chunk, _encoding, done) => done() });
    await pipeline(await this.stream(name), d.stream, sink);
    if (to) fsyncFile(to);
    return d.digest();
  }

  close(): void {
    this.zip.close();
  }
}
