import type { z } from 'zod';

// What every id in a channel's input refers to. A channel declares it next to its schema
// (`ids: { caseId: 'case:write' }`); the dispatcher resolves each case-scoped id to its case and
// asks the committee scope (main/core/scope) whether this user may read, change or answer for
// it before the handler runs. The scope test walks every input schema and fails for any id
// field a channel has not declared, so a new channel cannot take a case id unchecked.

/** Ids that belong to a case: checked against the user's committee scope. */
export const caseScopedKinds = [
  /** cases.id */
  'case',
  /** case_parties.id: a party's place in one case */
  'caseParty',
  /** parties.id: a person or organisation, seen through the cases it appears in */
  'party',
  /** document_versions.id */
  'document',
  /** document_scans.id */
  'scan',
  /** attachments.id (evidence) */
  'attachment',
  /** case_records.id (investigation and mediation records) */
  'record',
] as const;
export type CaseScopedKind = (typeof caseScopedKinds)[number];

/**
 * read: the case is in the user's scope. write: the user may change it (assigned mediators, and
 * the staff of the organisation handling it). respond: the user may accept or return the
 * assignment waiting at a committee. file: the user may keep its file (卷宗, 评查, 以案定补): the
 * case is handled within the user's organisations, or the user may write it; a sender keeps
 * reading, as for write.
 */
export const caseAccesses = ['read', 'write', 'respond', 'file'] as const;
export type CaseAccess = (typeof caseAccesses)[number];

/** Ids that are not a case's: organisations, the roster, accounts, villages. */
export const otherIdKinds = [
  /** An organisation the user registers a case into: must be within their scope. */
  'committee:intake',
  'organisation',
  'mediator',
  'user',
  'village',
  /** intake_refusals.id: a 不予受理 record of this installation's intake desk (not a case). */
  'refusal',
  /** A long job's id (batch export): only the user who started it may see or stop it. */
  'job',
  // ── exchange (issue 14) ──
  /** exchange_conflicts.id: a conflict of this installation's data exchange (管理员 only). */
  'conflict',
] as const;
export type OtherIdKind = (typeof otherIdKinds)[number];

export type IdRef = `${CaseScopedKind}:${CaseAccess}` | OtherIdKind;

/**
 * Input paths as the declarations write them: `caseId`, `confirmation.applicantPartyIds[]`,
 * `parties[].partyId` (`[]` = every element of an array).
 */
export type IdPaths = Readonly<Record<string, IdRef>>;

export function parseIdRef(ref: IdRef): { kind: CaseScopedKind; access: CaseAccess } | null {
  const [kind, access] = ref.split(':') as [string, string | undefined];
  if (!(caseScopedKinds as readonly string[]).includes(kind)) return null;
  return { kind: kind as CaseScopedKind, access: access as CaseAccess };
}

type Def = {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  options?: z.ZodType[];
  left?: z.ZodType;
  right?: z.ZodType;
  format?: string;
};

/** Every path of an input schema that holds a UUID (what a declaration must cover). */
export function uuidPaths(schema: z.ZodType): string[] {
  const out = new Set<string>();
  const walk = (s: z.ZodType, path: string) => {
    const def = (s as unknown as { _zod: { def: Def } })._zod.def;
    switch (def.type) {
      case 'object':
        for (const [key, value] of Object.entries(def.shape!)) walk(value, path ? `${path}.${key}` : key);
        break;
      case 'array':
        walk(def.element!, `${path}[]`);
        break;
      case 'pipe':
        walk(def.in!, path);
        walk(def.out!, path);
        break;
      case 'union':
        for (const option of def.options!) walk(option, path);
        break;
      case 'intersection':
        walk(def.left!, path);
        walk(def.right!, path);
        break;
      case 'string':
        if (def.format === 'uuid') out.add(path);
        break;
      default:
        if (def.innerType) walk(def.innerType, path);
    }
  };
  walk(schema, '');
  return [...out].sort();
}
