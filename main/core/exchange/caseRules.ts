import type { Repositories } from '../../../db';
import type { CaseRecord } from '../../contract/exchange/caseRecords';
import { exchangeTableLabels, type ExchangeLine, type RowTable } from '../../contract/exchange/records';
import { ownRecordBack, type MergeContext, type RecordRules } from './merge';
import { rejected } from './packageReader';

// Case records in a package (issue 14). A township sends the cases it holds (registered or
// handled by it or a village committee under it), with everything recorded on them; the county
// sends back the cases in that township's scope (escalated up and decided, or transferred down).
// So at the receiver:
// - from a township: the case must be held by that township here (its handling committee, else
//   its registering one, is the township or under it), or be new and registered or handled there;
//   a case it sent on (escalated) and the county now holds is no longer the township's to change;
// - from the county: the case must be in this township's scope here, or new and registered or
//   handled in it;
// - a record of a case (party link, assignment, record, agreement…) follows its case, checked
//   against the case as this package left it when the package carried the case;
// - a party must appear in such a case (here, or linked by this package);
// - a case link (关联案件) follows its case, and the case it links to must be in the township's
//   scope too (held here within it, or carried by this package);
// - a mediator is sent by the office that keeps them on its roster.

/** What a package has carried so far, for the records that refer to it. */
export interface PackageCases {
  /** Cases this package carried (already checked). */
  cases: Set<string>;
  /** Assignment → case, for the assignments this package carried. */
  assignments: Map<string, string>;
  /** New parties not yet linked to a case by this package: id → record number. */
  unlinkedParties: Map<string, number>;
  /** Cases whose scope and search terms must be derived again after the import. */
  touched: Set<string>;
  /** Screening rounds this package carried (already checked). */
  rounds: Set<string>;
}

export function packageCases(): PackageCases {
  return {
    cases: new Set(),
    assignments: new Map(),
    unlinkedParties: new Map(),
    touched: new Set(),
    rounds: new Set(),
  };
}

const record = (line: ExchangeLine) => line.r as CaseRecord;
const table = (line: ExchangeLine) => line.t as RowTable;

function holder(r: CaseRecord): string {
  return (r.handlingCommitteeId as string | null) ?? (r.committeeId as string);
}

function caseOf(repos: Repositories, line: ExchangeLine, seen: PackageCases): string | undefined {
  const r = record(line);
  if (line.t === 'cases') return r.id;
  if (line.t === 'case_assignment_mediators') {
    const assignment = r.assignmentId as string;
    return seen.assignments.get(assignment) ?? repos.exchangeRows.caseOfAssignment(assignment);
  }
  // Its dossier came earlier in this package, or is here already.
  if (line.t === 'dossier_archives') {
    const dossier = repos.exchangeRows.get('dossiers', r.dossierId as string);
    return typeof dossier?.caseId === 'string' ? dossier.caseId : undefined;
  }
  return typeof r.caseId === 'string' ? r.caseId : undefined;
}

/** Whether the case, as this office holds it, is the sender's to send. */
export function caseAllowed(ctx: MergeContext, caseId: string): boolean {
  if (ctx.seen.cases.has(caseId)) return true;
  if (ctx.sender.officeKind === 'township') {
    // Answering our restore (we asked), it sends back the cases of its township we hold, with
    // our handling of them after our backup: taken within its township's scope.
    if (ctx.recovering) return ctx.repos.exchangeRows.caseInScope(caseId, ctx.township);
    const local = ctx.repos.exchangeRows.get('cases', caseId);
    return local !== undefined && ctx.townshipOrganisations.has(holder(local));
  }
  return ctx.repos.exchangeRows.caseInScope(caseId, ctx.township);
}

/** Whether a case may be named by a link the sender sends: in the township's scope, or in this package. */
function linkable(ctx: MergeContext, caseId: string): boolean {
  return ctx.seen.cases.has(caseId) || ctx.repos.exchangeRows.caseInScope(caseId, ctx.township);
}

export const caseRecordRules: RecordRules = {
  get: (repos, line) => repos.exchangeRows.get(table(line), line.r.id),
  put: (repos, line) => repos.exchangeRows.put(table(line), record(line)),
  casesOf(repos, line, seen) {
    if (line.t === 'mediators' || line.t === 'mediator_memberships') return [];
    if (line.t === 'parties') return repos.exchangeRows.casesOfParty(line.r.id);
    const caseId = caseOf(repos, line, seen);
    return caseId ? [caseId] : [];
  },
  clash(repos, line) {
    const r = record(line);
    if (line.t === 'cases' && repos.exchangeRows.clashes('cases', r, ['caseNumber']))
      return `（案件“${String(r.caseNumber)}”）与本机已有案件的编号相同`;
    if (
      line.t === 'document_versions' &&
      repos.exchangeRows.clashes('document_versions', r, ['caseId', 'kind', 'versionNo'])
    )
      return `（文书“${String(r.title)}”第${String(r.versionNo)}版）与本机已生成的同一文书版本号相同`;
    if (
      line.t === 'dossiers' &&
      (repos.exchangeRows.clashes('dossiers', r, ['caseId'], true) ||
        repos.exchangeRows.clashes('dossiers', r, ['committeeId', 'volumeYear', 'volumeSeq']))
    )
      return `（卷宗“${String(r.volumeNumber)}”）与本机已有的同一案件卷宗或同一卷号相同`;
    if (
      line.t === 'case_links' &&
      repos.exchangeRows.clashes('case_links', r, ['caseId', 'relatedCaseId'], true)
    )
      return '（关联案件）与本机已有的同一关联重复';
    if (line.t === 'parties') {
      const other = repos.exchangeRows.partyClash(r);
      if (other)
        return `（当事人“${String(r.name)}”）的证件号码或信用代码与本机已有的当事人“${other.name}”相同`;
    }
    return undefined;
  },
  checkScope(ctx, line, index, local) {
    const r = record(line);
    const label = exchangeTableLabels[line.t];
    const who = ctx.sender.officeName;
    const outside = () =>
      rejected(`第${index}条记录（${label}）所属的案件不在${who}的范围内，${who}无权发送它`);
    switch (line.t) {
      case 'mediators':
        if (ownRecordBack(ctx, line, local)) return;
        if (
          r.originOfficeId !== ctx.sender.officeId ||
          (local && local.originOfficeId !== ctx.sender.officeId)
        )
          throw rejected(`第${index}条记录（调解员“${String(r.name)}”）属于其他机构的名册，${who}无权发送它`);
        return;
      case 'mediator_memberships':
        if (ownRecordBack(ctx, line, local)) return;
        if (
          r.originOfficeId !== ctx.sender.officeId ||
          (local && local.originOfficeId !== ctx.sender.officeId)
        )
          throw rejected(`第${index}条记录（调解员任职）属于其他机构的名册，${who}无权发送它`);
        if (
          ctx.sender.officeKind === 'township' &&
          !ctx.townshipOrganisations.has(r.organisationId as string)
        )
          throw rejected(`第${index}条记录（调解员任职）的调解组织不在${who}的范围内，${who}无权发送它`);
        return;
      case 'cases': {
        const allowed = local
          ? caseAllowed(ctx, r.id)
          : ctx.townshipOrganisations.has(r.committeeId as string) ||
            ctx.townshipOrganisations.has((r.handlingCommitteeId as string | null) ?? '');
        if (!allowed)
          throw rejected(
            `第${index}条记录（案件“${String(r.caseNumber)}”）不在${who}的范围内，${who}无权发送它`,
          );
        ctx.seen.cases.add(r.id);
        return;
      }
      case 'parties':
        if (local) {
          if (!ctx.repos.exchangeRows.partyInScope(r.id, ctx.township))
            throw rejected(`第${index}条记录（当事人）不在${who}的案件中，${who}无权发送它`);
        } else ctx.seen.unlinkedParties.set(r.id, index);
        return;
      default: {
        const caseId = caseOf(ctx.repos, line, ctx.seen);
        if (!caseId || !caseAllowed(ctx, caseId)) throw outside();
        if (line.t === 'case_links' && !linkable(ctx, r.relatedCaseId as string))
          throw rejected(`第${index}条记录（关联案件）所关联的案件不在${who}的范围内，${who}无权发送它`);
        if (line.t === 'case_assignments') ctx.seen.assignments.set(r.id, caseId);
        if (line.t === 'case_parties') ctx.seen.unlinkedParties.delete(r.partyId as string);
      }
    }
  },
};

/** After the last record: every new party must belong to a case this package carried. */
export function checkPartiesLinked(ctx: MergeContext): void {
  const [first] = [...ctx.seen.unlinkedParties.values()].sort((a, b) => a - b);
  if (first !== undefined)
    throw rejected(
      `第${first}条记录（当事人）不属于${ctx.sender.officeName}发送的任何案件，${ctx.sender.officeName}无权发送它`,
    );
}
