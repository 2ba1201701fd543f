import { createHash } from 'node:crypto';
import { ConflictError } from '../errors';
import { encodeCrockford, groupsOfFour, isCrockford, normalizeCrockford } from '../crockford';
import type { DocumentCase, Party } from './model';
import { stripHiddenCharacters } from '../../contract';

// Tamper evidence for printed agreements. The hash covers exactly what the agreement prints
// (number, parties, facts, terms, performance, amount, dates it shows) and nothing that changes
// after printing (e.g. the effective date, which is recorded only after everyone signs), so a
// copy printed today still verifies next year. The short code is for reading out over the phone;
// the QR code carries the full hash for a scanner.

const PAYLOAD_PREFIX = 'TJHY1';
const SHORT_LENGTH = 12;

export interface AgreementFingerprint {
  hash: string;
  /** e.g. "7K2M-9QXA-4D1F" */
  shortCode: string;
  /** What the QR code encodes. */
  payload: string;
}

export interface VerificationAssets extends AgreementFingerprint {
  qrPng: Buffer;
}

export type ParsedVerification =
  | { kind: 'payload'; caseNumber: string; agreementNumber: string; hash: string; shortCode: string }
  | { kind: 'shortCode'; shortCode: string }
  | { kind: 'invalid'; message: string };

function partyIdentity(p: Party): Record<string, unknown> {
  if (p.kind === 'person') {
    return { role: p.role, kind: p.kind, name: p.name, idType: p.idType, idNumber: p.idNumber };
  }
  return {
    role: p.role,
    kind: p.kind,
    name: p.name,
    uscc: p.uscc,
    representative: p.representative.name,
  };
}

/**
 * Sorted keys, no undefined, NFC strings without hidden characters (as the document prints them,
 * cleanText.ts): the same agreement always gives the same bytes.
 */
export function stableStringify(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return JSON.stringify(stripHiddenCharacters(value).normalize('NFC'));
  if (typeof value === 'number' || typeof value === 'boolean') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(',')}}`;
  }
  throw new Error(`无法规范化的值：${typeof value}`);
}

export function canonicalAgreement(c: DocumentCase): string {
  const a = c.agreement;
  if (!a) throw new ConflictError('本案尚未记录调解协议');
  return stableStringify({
    v: 1,
    caseNumber: c.caseNumber,
    committee: c.committee.name,
    number: a.number,
    kind: a.kind,
    parties: c.parties.map(partyIdentity),
    facts: a.facts,
    disputedPoints: a.disputedPoints,
    responsibility: a.responsibility,
    terms: a.terms,
    performance: a.performance,
    amountFen: a.amountFen ?? null,
    reachedDate: a.reachedDate,
    signedDate: a.signedDate,
  });
}

export function shortCodeOf(hashHex: string): string {
  return groupsOfFour(encodeCrockford(Buffer.from(hashHex, 'hex'), SHORT_LENGTH));
}

export function agreementFingerprint(c: DocumentCase): AgreementFingerprint {
  const hash = createHash('sha256').update(canonicalAgreement(c), 'utf8').digest('hex');
  const agreementNumber = c.agreement!.number;
  for (const field of [c.caseNumber, agreementNumber]) {
    if (field.includes('|')) throw new Error(`编号中不能含有“|”：${field}`);
  }
  return {
    hash,
    shortCode: shortCodeOf(hash),
    payload: [PAYLOAD_PREFIX, c.caseNumber, agreementNumber, hash].join('|'),
  };
}

/**
 * QR images of the last few payloads: the same payload always draws the same PNG, and an
 * agreement is printed, regenerated and bound into its dossier with the same one. Small: a
 * payload is per agreement, and a PNG is ~1 KB.
 */
const qrImages = new Map<string, Buffer>();
const QR_CACHE_SIZE = 32;

async function qrImage(payload: string): Promise<Buffer> {
  const known = qrImages.get(payload);
  if (known) return known;
  // qrcode (and pngjs) load with the first agreement, not with the desk.
  const { default: QRCode } = await import('qrcode');
  const png = await QRCode.toBuffer(payload, {
    type: 'png',
    errorCorrectionLevel: 'M',
    margin: 1,
    width: 240,
  });
  if (qrImages.size >= QR_CACHE_SIZE) qrImages.delete(qrImages.keys().next().value!);
  qrImages.set(payload, png);
  return png;
}

export async function agreementVerification(c: DocumentCase): Promise<VerificationAssets> {
  const fingerprint = agreementFingerprint(c);
  return { ...fingerprint, qrPng: await qrImage(fingerprint.payload) };
}

/** Accepts a scanned QR payload or a typed short code (any case, spaces/dashes, O→0, I/L→1). */
export function parseVerificationInput(input: string): ParsedVerification {
  const trimmed = input.trim();
  if (trimmed.startsWith(`${PAYLOAD_PREFIX}|`)) {
    const parts = trimmed.split('|');
    const [, caseNumber, agreementNumber, hash] = parts;
    if (parts.length !== 4 || !caseNumber || !agreementNumber || !hash || !/^[0-9a-f]{64}$/.test(hash)) {
      return { kind: 'invalid', message: '二维码内容不完整或已损坏，请重新扫描' };
    }
    return { kind: 'payload', caseNumber, agreementNumber, hash, shortCode: shortCodeOf(hash) };
  }
  const normalised = normalizeCrockford(trimmed);
  if (normalised.length === SHORT_LENGTH && isCrockford(normalised)) {
    return { kind: 'shortCode', shortCode: groupsOfFour(normalised) };
  }
  return { kind: 'invalid', message: '核验码应为12位字母数字（如 7K2M-9QXA-4D1F），或扫描协议书上的二维码' };
}

/** Does the parsed input match the agreement as it is stored now? */
export function verificationMatches(c: DocumentCase, parsed: ParsedVerification): boolean {
  if (parsed.kind === 'invalid' || !c.agreement) return false;
  const current = agreementFingerprint(c);
  if (parsed.kind === 'shortCode') return parsed.shortCode === current.shortCode;
  return (
    parsed.hash === current.hash &&
    parsed.caseNumber === c.caseNumber &&
    parsed.agreementNumber === c.agreement.number
  );
}
