import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { backupTriggers, officeKinds } from '../../contract';

// The manifest inside every backup file: what it holds (SHA-256 and size of each part), the
// schema version, the office and the time, and the row count of every table. No personal data:
// the office is an institution, counts are numbers. It is readable without the key (so a damaged
// or foreign file is refused with a clear message before anyone types a password), and signed
// with a key derived from the database key (manifest.sig), so once the backup is unlocked its
// office, time and counts can be trusted.

export const MANIFEST_ENTRY = 'manifest.json';
export const SIGNATURE_ENTRY = 'manifest.sig';
export const DATABASE_ENTRY = 'desk.db';
export const KEYS_ENTRY = 'keys.json';

const part = z.object({ bytes: z.number().int().nonnegative(), sha256: z.string().regex(/^[0-9a-f]{64}$/) });

const manifestSchema = z.object({
  format: z.literal('pingluo-mediation-desk/backup'),
  version: z.literal(1),
  createdAt: z.iso.datetime({ offset: true }),
  trigger: z.enum(backupTriggers),
  installationId: z.string().min(1),
  office: z.object({ id: z.string(), name: z.string(), kind: z.enum(officeKinds) }),
  schema: z.object({ migrations: z.number().int().nonnegative(), latest: z.string().nullable() }),
  counts: z.record(z.string(), z.number().int().nonnegative()),
  files: z.object({ [DATABASE_ENTRY]: part, [KEYS_ENTRY]: part }),
});

export type BackupManifest = z.infer<typeof manifestSchema>;

export function serializeManifest(manifest: BackupManifest): Buffer {
  return Buffer.from(JSON.stringify(manifest, null, 2), 'utf8');
}

/** The manifest, or null when the bytes are not one (damaged, or not our file at all). */
export function parseManifest(bytes: Buffer): BackupManifest | null {
  try {
    const parsed = manifestSchema.safeParse(JSON.parse(bytes.toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function signingKey(databaseKey: Buffer): Buffer {
  return Buffer.from(
    hkdfSync('sha256', databaseKey, Buffer.alloc(0), 'pingluo-mediation-desk/backup-manifest', 32),
  );
}

export function signManifest(manifestBytes: Buffer, databaseKey: Buffer): string {
  const key = signingKey(databaseKey);
  try {
    return createHmac('sha256', key).update(manifestBytes).digest('hex');
  } finally {
    key.fill(0);
  }
}

export function manifestSignatureValid(
  manifestBytes: Buffer,
  signature: string,
  databaseKey: Buffer,
): boolean {
  const expected = Buffer.from(signManifest(manifestBytes, databaseKey), 'hex');
  const given = Buffer.from(signature.trim(), 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
