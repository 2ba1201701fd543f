// The rows one intake writes (case, parties, their links, number ledger and sequence, history,
// search terms, audit entry and chain head), written with plain prepared statements: the bulk
// load, and the baseline the service layer is compared with. No validation, no repeat check, no
// read-back: only what must reach the database.
import { randomUUID } from 'node:crypto';
import type { CasePartyRow, CaseRow, PartyRow, Repositories } from '../../db';
import { GENESIS_HASH, hashEntry } from '../../main/core/audit/chain';
import type { AuditSigner } from '../../main/core/audit/log';
import { formatCaseNumber } from '../../main/core/cases/caseNumber';
import { caseSearchText, partyNamesOf } from '../../main/core/cases/searchIndex';
import type { BenchCase, BenchParty, Clerk } from './dataset';

export interface RawContext {
  officeId: string;
  committees: Map<string, { abbreviation: string; pattern: string }>;
  disputeTypeNames: Map<string, string>;
}

const AUDIT_HEAD = 'audit.head';

/** Who the audit entries name and sign: the signed-in user (entries are signed by their author). */
export interface RawAuditor {
  signer: AuditSigner;
  name: string;
}

/**
 * The repositories' own prepared statements, called directly: what the service adds on top
 * (validation, repeat check, read-back, TypeORM for the catalog) is what the ratio measures.
 */
export class RawWriter {
  private head: { seq: number; hash: string };

  constructor(
    private readonly repos: Repositories,
    private readonly ctx: RawContext,
    private readonly auditor: RawAuditor,
  ) {
    this.head = this.readHead();
  }

  private readHead(): { seq: number; hash: string } {
    const last = this.repos.audit.last();
    return last ? { seq: last.seq, hash: last.hash } : { seq: 0, hash: GENESIS_HASH };
  }

  /**
   * Writes one intake; the caller owns the transaction. `now` is the entry time (ISO). `single`:
   * read and write the audit chain head as the service does; the bulk load does it once per batch.
   */
  write(c: BenchCase, clerk: Clerk, now: string, single = true): { caseId: string; caseNumber: string } {
    const input = c;
    // One intake among others (as the service does): read the chain head; the bulk load keeps it.
    if (single) this.head = this.readHead();
    const committee = this.ctx.committees.get(input.committeeId)!;
    const year = Number(input.receivedOn.slice(0, 4));
    const seq = this.repos.caseNumbers.next(input.committeeId, year);
    const caseNumber = formatCaseNumber(committee.pattern, { year, abbr: committee.abbreviation, seq });
    const caseId = randomUUID();
    const parties = input.parties.map((p) => this.party(p, now));

    const row: CaseRow = {
      id: caseId,
      originOfficeId: this.ctx.officeId,
      version: 1,
      createdAt: now,
      updatedAt: now,
      deletedAt: null,
      caseNumber,
      committeeId: input.committeeId,
      numberYear: year,
      numberSeq: seq,
      status: c.status,
      disputeType: input.disputeType,
      source: input.source,
      township: input.township,
      village: input.village,
      receivedOn: input.receivedOn,
      receivedBy: clerk.id,
      receivedByName: clerk.name,
      summary: input.summary,
      requests: input.requests,
      amountFen: c.amountFen,
      riskLevel: input.riskLevel,
      riskFlags: JSON.stringify(input.riskFlags),
      partyNames: partyNamesOf(input.parties.map((p) => ({ name: p.name, role: p.role }))),
      repeatReason: null,
      voidReason: c.status === 'voided' ? '重复登记' : null,
      referringCourt: input.referringCourt,
    };
    const rowid = this.repos.cases.insert(row);
    if (input.courtProcedure !== null) this.repos.workflow.setCourtProcedure(caseId, input.courtProcedure);
    this.repos.caseNumbers.issue({ caseNumber, committeeId: row.committeeId, year, seq, caseId, at: now });
    if (c.status === 'voided') this.repos.caseNumbers.void(caseNumber, now, row.voidReason ?? '');
    const linked = input.parties.map((p, position) => {
      const agent = p.agent;
      const link: CasePartyRow = {
        id: randomUUID(),
        originOfficeId: this.ctx.officeId,
        version: 1,
        createdAt: now,
        updatedAt: now,
        deletedAt: null,
        caseId,
        partyId: parties[position]!.id,
        role: p.role,
        position,
        agentName: agent?.name ?? null,
        agentRelation: agent?.relation ?? null,
        agentAuthority: agent?.authority ?? null,
        agentAuthorityDetail: null,
        agentIdNumber: null,
        agentPhone: agent?.phone ?? null,
      };
      this.repos.cases.insertParty(link);
      return { link, party: parties[position]! };
    });
    this.repos.cases.setSearchTerms(
      rowid,
      caseSearchText(row, linked, this.ctx.disputeTypeNames.get(row.disputeType) ?? ''),
    );
    this.repos.caseHistory.add({
      id: randomUUID(),
      originOfficeId: this.ctx.officeId,
      version: 1,
      createdAt: now,
      updatedAt: now,
      deletedAt: null,
      caseId,
      at: now,
      actorId: clerk.id,
      actorName: clerk.name,
      action: '受理登记',
      changes: '[]',
      note: null,
    });

    const fields = {
      seq: this.head.seq + 1,
      at: now,
      actorId: this.auditor.signer.userId,
      actorName: this.auditor.name,
      action: 'cases:create',
      target: caseId,
      outcome: 'ok' as const,
      detail: `案号 ${caseNumber}`,
      prevHash: this.head.hash,
      format: 2 as const,
      signerId: this.auditor.signer.userId,
      enrolsUserId: null,
      enrolsKey: null,
    };
    const hash = hashEntry(fields);
    this.repos.audit.insert({ ...fields, hash, signature: this.auditor.signer.key.sign(hash) });
    this.head = { seq: fields.seq, hash };
    if (single) this.writeHead();
    this.repos.drafts.clear(clerk.id, 'intake');
    return { caseId, caseNumber };
  }

  /** The audit chain head setting (audit:verify compares it with the last entry). */
  writeHead(): void {
    this.repos.settings.setRaw(AUDIT_HEAD, JSON.stringify(this.head));
  }

  private party(p: BenchParty, now: string): PartyRow {
    const person = p.kind === 'person' ? p : null;
    const org = p.kind === 'organisation' ? p : null;
    const idNumber = person?.idNumber ?? null;
    const existing = idNumber
      ? this.repos.parties.allByIdNumber('resident_id', idNumber, this.ctx.officeId)[0]
      : org?.creditCode
        ? this.repos.parties.allByCreditCode(org.creditCode, this.ctx.officeId)[0]
        : undefined;
    const birth = idNumber
      ? `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`
      : null;
    const row: PartyRow = {
      id: existing?.id ?? randomUUID(),
      originOfficeId: this.ctx.officeId,
      version: 1,
      createdAt: now,
      updatedAt: now,
      deletedAt: null,
      kind: p.kind,
      name: p.name,
      sex: idNumber ? (Number(idNumber[16]) % 2 === 1 ? 'male' : 'female') : null,
      ethnicity: person?.ethnicity ?? null,
      birthDate: birth,
      idType: idNumber ? 'resident_id' : null,
      idNumber,
      idSuffix: (idNumber ?? org?.creditCode)?.slice(-4) ?? null,
      occupation: person?.occupation ?? null,
      creditCode: org?.creditCode ?? null,
      representative: org?.representative ?? null,
      representativeTitle: org?.representativeTitle ?? null,
      address: p.address ?? null,
      phone: p.phone ?? null,
    };
    if (existing) {
      // As the service does: the newest intake refreshes contact details, an empty field keeps the old.
      this.repos.parties.update({
        ...existing,
        name: row.name,
        address: row.address ?? existing.address,
        phone: row.phone ?? existing.phone,
        occupation: row.occupation ?? existing.occupation,
        updatedAt: now,
      });
    } else {
      this.repos.parties.insert(row);
    }
    return row;
  }
}
