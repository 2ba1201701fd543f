import { parseIdRef, type CaseAccess, type CaseScopedKind, type IdPaths } from '../../contract';
import type { ServiceContext } from '../context';
import { NotFoundError, ValidationError } from '../errors';
import { CASE_NOT_FOUND, requireCase } from './access';

// The dispatcher's side of a channel's `ids` declaration: every case-scoped id in the parsed
// input is resolved to its case and checked (./access.ts) before the handler runs, so no
// handler can touch a case, party, document, scan, attachment or record outside the user's
// scope. An id of something that does not exist answers like one out of scope.

const notFound: Record<CaseScopedKind, string> = {
  case: CASE_NOT_FOUND,
  caseParty: '未找到该当事人',
  party: '未找到该当事人',
  document: '未找到该文书',
  scan: '未找到该扫描件',
  attachment: '未找到该材料',
  record: '未找到该记录',
};

/** The values at a declared path (`a.b`, `list[]`, `list[].field`), with where each was found. */
export function valuesAt(input: unknown, path: string): { value: unknown; at: (string | number)[] }[] {
  let found: { value: unknown; at: (string | number)[] }[] = [{ value: input, at: [] }];
  for (const part of path.split('.')) {
    const each = part.endsWith('[]');
    const key = each ? part.slice(0, -2) : part;
    found = found.flatMap(({ value, at }) => {
      if (value === null || typeof value !== 'object') return [];
      const next = (value as Record<string, unknown>)[key];
      if (!each) return next === undefined ? [] : [{ value: next, at: [...at, key] }];
      return Array.isArray(next)
        ? (next as unknown[]).map((v, i) => ({ value: v, at: [...at, key, i] }))
        : [];
    });
  }
  return found;
}

export function checkIds(ctx: ServiceContext, ids: IdPaths | undefined, input: unknown): void {
  if (!ids) return;
  for (const [path, ref] of Object.entries(ids)) {
    for (const { value, at } of valuesAt(input, path)) {
      if (typeof value !== 'string') continue;
      if (ref === 'committee:intake') {
        if (!ctx.scope.organisations.has(value))
          throw ValidationError.field(
            at,
            '受理调委会',
            '只能登记到您所属的调解组织或其下属组织，请从列表中选择',
          );
        continue;
      }
      if (ref === 'refusal') {
        // A 不予受理 record belongs to the organisation that recorded it (like a case, by scope).
        const row = ctx.repos.refusals.byId(value);
        if (!row || !ctx.scope.organisations.has(row.organisationId))
          throw new NotFoundError('未找到该不予受理记录');
        continue;
      }
      const scoped = parseIdRef(ref);
      if (scoped) requireRef(ctx, scoped.kind, value, scoped.access);
    }
  }
}

function requireRef(ctx: ServiceContext, kind: CaseScopedKind, id: string, access: CaseAccess): void {
  if (kind === 'party') {
    if (!ctx.repos.caseScope.partyVisible(ctx.scope.principals, id)) throw new NotFoundError(notFound.party);
    return;
  }
  const caseId = kind === 'case' ? id : ctx.repos.caseScope.caseIdOf(kind, id);
  if (!caseId) throw new NotFoundError(notFound[kind]);
  requireCase(ctx, caseId, access, notFound[kind]);
}
