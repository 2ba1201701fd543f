import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { ExchangeLine } from '../../main/contract/exchange/records';
import { writeExchangePackage, type ManifestHeader } from '../../main/core/exchange/packageWriter';
import { tableHashes } from '../node/backup/world';
import type { TestApp } from './app';
import { CHENGGUAN_ID, COUNTY_ID } from './exchange';
import { tempDir } from './tempDir';

// Crafted packages for the hostile reader's tests (issue 14): packages the township really
// signed and encrypted for the county (or the county for the township), carrying whatever lines
// a test gives, and the check that the recipient refuses one with the database unchanged.

/** The sync columns of a record just made at `originOfficeId`. */
export function fresh(originOfficeId: string) {
  const at = new Date().toISOString();
  return { id: randomUUID(), originOfficeId, version: 1, createdAt: at, updatedAt: at, deletedAt: null };
}

export interface Pair {
  county: TestApp;
  town: TestApp;
}

/** Imports `path` at the recipient: the refusal's message, with the database unchanged. */
export async function refusal(county: TestApp, path: string): Promise<string> {
  const sql = county.session.requireUnlocked().store.sql;
  const seq = county.session.repos().audit.last()!.seq;
  const before = tableHashes(sql, seq);
  const preview = await county.call('exchange:preview', { path });
  const result = await county.call('exchange:import', { path });
  expect(tableHashes(sql, seq)).toEqual(before);
  expect(result.ok).toBe(false);
  expect(preview.ok).toBe(false);
  if (result.ok || preview.ok) return 'accepted';
  expect(preview.error.message).toBe(result.error.message);
  // The refusal is in the audit log, with its reason.
  const audit = await county.ok('audit:list', { page: 1, pageSize: 1 });
  expect(audit.items[0]).toMatchObject({ action: 'exchange:import', detail: result.error.message });
  return result.error.message;
}

/** Which way a crafted package goes: the township's to the county (most tests), or the county's down. */
export type Direction = 'up' | 'down';

const ends = (s: Pair, direction: Direction) =>
  direction === 'up'
    ? {
        from: s.town,
        to: s.county,
        sender: CHENGGUAN_ID,
        senderName: '城关镇人民调解委员会',
        recipient: COUNTY_ID,
      }
    : {
        from: s.county,
        to: s.town,
        sender: COUNTY_ID,
        senderName: '平罗县人民调解中心',
        recipient: CHENGGUAN_ID,
      };

export function header(
  s: Pair,
  over: Partial<ManifestHeader> = {},
  direction: Direction = 'up',
): ManifestHeader {
  const e = ends(s, direction);
  const keys = e.from.session.installationKeys();
  const recipientKeys = e.to.session.installationKeys();
  return {
    packageId: randomUUID(),
    createdAt: new Date().toISOString(),
    sender: { officeId: e.sender, officeName: e.senderName, signing: keys.publicKeys.signing },
    recipient: { officeId: e.recipient, agreement: recipientKeys.publicKeys.agreement },
    sequence: 1,
    watermark: { from: 0, to: 1 },
    receipt: { throughSequence: 0 },
    audit: { head: { seq: 1, hash: 'a' }, previous: null },
    ...over,
  };
}

/** A package the township (or, `down`, the county) really signed and encrypted, carrying the given lines. */
export async function signedPackage(
  s: Pair,
  lines: unknown[],
  over: Partial<ManifestHeader> = {},
  direction: Direction = 'up',
  /** Whose key signs it: the sender's, unless a test forges it. */
  signedBy: TestApp = ends(s, direction).from,
) {
  const outPath = join(tempDir(), 'signed.zip');
  await writeExchangePackage({
    header: header(s, over, direction),
    keys: signedBy.session.installationKeys(),
    pages: (async function* () {
      yield lines as ExchangeLine[];
    })(),
    outPath,
  });
  return outPath;
}
