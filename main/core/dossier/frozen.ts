import type { Repositories } from '../../../db';
import type { ChannelName } from '../../contract';
import { ConflictError } from '../errors';

// 归档 freezes a case: every mutation that names an archived case is refused here, in the one
// place the dispatcher asks before it even reads the rest of the input — so a channel added later
// is covered without its handler knowing. Audited reads (revealing an ID, exporting a copy) and
// the dossier's own archive-side actions (re-open, review, PDF) stay open.

export const FROZEN_MESSAGE = '本案卷宗已归档，不能修改；如确需修改，请由档案员在卷宗中“重新打开”并说明理由';

/** Mutations that may name an archived case: they read, or act on the archive itself. */
export const openOnArchived: ReadonlySet<ChannelName> = new Set<ChannelName>([
  'cases:revealIdNumber',
  'documents:export',
  'dossiers:pdf',
  'dossiers:reopen',
  'dossiers:review',
  // ── screening & subsidy (issue 15): the subsidy grade is the county's pay decision, not part
  // of the case file; only archived (and reviewed) cases are paid at all.
  'subsidy:setGrade',
]);

type Resolver = (input: Record<string, unknown>, repos: Repositories) => string | undefined;

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** Channels whose case is not simply `caseId` in their input. */
export const caseOfInput: Partial<Record<ChannelName, Resolver>> = {
  'cases:update': (i) => str(i.id),
  'cases:void': (i) => str(i.id),
  'documents:attachScan': (i, repos) => {
    const versionId = str(i.versionId);
    return versionId ? repos.documents.version(versionId)?.caseId : undefined;
  },
};

/** The case a call names, if any (from the raw input: the schema check comes after). */
export function caseNamedBy(channel: ChannelName, input: unknown, repos: Repositories): string | undefined {
  if (!input || typeof input !== 'object' || Array.isArray(input)) return undefined;
  const record = input as Record<string, unknown>;
  const resolve = caseOfInput[channel];
  return resolve ? resolve(record, repos) : str(record.caseId);
}

/** Refuses a mutation of an archived case the user can see (`visible`) with CONFLICT. */
export function refuseIfArchived(
  channel: ChannelName,
  input: unknown,
  repos: Repositories,
  visible: (caseId: string) => boolean,
): void {
  if (openOnArchived.has(channel)) return;
  const caseId = caseNamedBy(channel, input, repos);
  if (!caseId || !visible(caseId)) return;
  if (repos.cases.byId(caseId)?.status === 'archived') throw new ConflictError(FROZEN_MESSAGE);
}
