import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { InstallationKeys } from '../installationKeys/keys';

// The exchange package's manifest (issue 14): who sent it to whom, its sequence number and
// watermark range, the receipt for the peer's packages, the sender's audit head, how the
// payload key is wrapped, and each entry's SHA-256. Signed by the sender (manifest.sig). It
// names offices (institutions) and nothing personal; the records are only in the encrypted
// entries, whose names are numbers.

export const EXCHANGE_FORMAT = 'pingluo-mediation-desk/exchange-package';
/**
 * 2: a dossier's archived PDFs (dossier_archives) travel. 3: the audit heads of every package
 * since the last acknowledged one (`audit.sent`). A reader takes every version up to its own (an
 * older package lacks only what was added since) and tells the office to upgrade when a package
 * is newer than it.
 */
export const EXCHANGE_VERSION = 3;
/** The most heads `audit.sent` carries: a peer that acknowledged none of 50 packages is rare. */
export const MAX_SENT_HEADS = 50;
export const MANIFEST_ENTRY = 'manifest.json';
export const SIGNATURE_ENTRY = 'manifest.sig';
export const SIGNATURE_PURPOSE = 'exchange/manifest/v1';

const b64url32 = z.string().regex(/^[A-Za-z0-9_-]{43}$/);
const hex64 = z.string().regex(/^[0-9a-f]{64}$/);
const head = z.object({ seq: z.number().int().min(0), hash: z.string().max(128) });

export const dataEntryName = (n: number) => `data/${String(n).padStart(6, '0')}.bin`;

export const exchangeManifest = z.strictObject({
  format: z.literal(EXCHANGE_FORMAT),
  version: z.number().int(),
  packageId: z.uuid(),
  createdAt: z.iso.datetime({ offset: true }),
  sender: z.strictObject({ officeId: z.uuid(), officeName: z.string().max(60), signing: b64url32 }),
  recipient: z.strictObject({ officeId: z.uuid(), agreement: b64url32 }),
  sequence: z.number().int().min(1),
  /** The records are what changed since the recipient acknowledged our package `from`. */
  watermark: z.strictObject({ from: z.number().int().min(0), to: z.number().int().min(1) }),
  /** The highest of the recipient's packages the sender has imported (0: none). */
  receipt: z.strictObject({ throughSequence: z.number().int().min(0) }),
  /**
   * The sender's audit head now; `previous`, its entry at the head of the last package sent, as
   * it reads now; `sent` (version 3), the same for every package since the last one the
   * recipient acknowledged, so a rewrite is found even when a package in between was lost.
   */
  audit: z.strictObject({
    head,
    previous: head.nullable(),
    sent: z.array(head).max(MAX_SENT_HEADS).optional(),
  }),
  /**
   * The sender was restored from a backup made at `at` (its audit log back at `auditSeq`): it
   * asks for everything the recipient holds that it may have lost (./resync.ts). Sent until a
   * package marked `resend` comes back.
   */
  restoredFrom: z
    .strictObject({ at: z.iso.datetime({ offset: true }), auditSeq: z.number().int().min(0) })
    .optional(),
  /** This package carries every record in the recipient's scope: the answer to `restoredFrom`. */
  resend: z.literal(true).optional(),
  encryption: z.strictObject({
    cipher: z.literal('aes-256-gcm'),
    agreement: z.literal('x25519-hkdf-sha256'),
    ephemeralKey: b64url32,
    /** base64: 12-byte IV, the wrapped 32-byte key, 16-byte tag. */
    wrappedKey: z.string().regex(/^[A-Za-z0-9+/]{80}$/),
  }),
  entries: z
    .array(
      z.strictObject({
        name: z.string().regex(/^data\/\d{6}\.bin$/),
        size: z.number().int().min(0),
        sha256: hex64,
        iv: z.string().regex(/^[A-Za-z0-9+/]{16}$/),
        /** How many records the entry holds (the import's progress bar counts them). */
        records: z.number().int().min(0).max(1_000_000),
      }),
    )
    .max(10_000),
});
export type ExchangeManifest = z.infer<typeof exchangeManifest>;

function wrapInfo(packageId: string): string {
  return `pingluo-mediation-desk/exchange/package-key/v1:${packageId}`;
}

/** A fresh payload key, wrapped for the recipient with an ephemeral X25519 key and HKDF. */
export function newPayloadKey(recipientAgreementKey: string, packageId: string) {
  const key = randomBytes(32);
  const ephemeral = InstallationKeys.generate();
  const kek = ephemeral.agree(recipientAgreementKey, wrapInfo(packageId));
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', kek, iv);
  const wrapped = Buffer.concat([iv, cipher.update(key), cipher.final(), cipher.getAuthTag()]);
  kek.fill(0);
  return {
    key,
    encryption: {
      cipher: 'aes-256-gcm' as const,
      agreement: 'x25519-hkdf-sha256' as const,
      ephemeralKey: ephemeral.publicKeys.agreement,
      wrappedKey: wrapped.toString('base64'),
    },
  };
}

/** The payload key, or null when it was not wrapped for these keys. */
export function unwrapPayloadKey(manifest: ExchangeManifest, keys: InstallationKeys): Buffer | null {
  const wrapped = Buffer.from(manifest.encryption.wrappedKey, 'base64');
  let kek: Buffer | null = null;
  try {
    kek = keys.agree(manifest.encryption.ephemeralKey, wrapInfo(manifest.packageId));
    const decipher = createDecipheriv('aes-256-gcm', kek, wrapped.subarray(0, 12));
    decipher.setAuthTag(wrapped.subarray(44));
    return Buffer.concat([decipher.update(wrapped.subarray(12, 44)), decipher.final()]);
  } catch {
    return null;
  } finally {
    kek?.fill(0);
  }
}
