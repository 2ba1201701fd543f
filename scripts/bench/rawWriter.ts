// The rows one intake writes (case, parties, their links, number ledger and sequence, history,
// search terms, audit entry and chain head), written with plain prepared statements: the bulk
// load, and the baseline the service layer is compared with. No validation, no repeat check, no
// read-back: only what must reach the database.
import { randomUUID } from 'node:crypto';
import type { Database, Statement } from 'better-sqlite3-multiple-ciphers';
import type { CasePartyRow, CaseRow, PartyRow } from '../../db';
import { GENESIS_HASH, hashEntry } from '../../main/core/audit/chain';
import { formatCaseNumber } from '../../main/core/cases/caseNumber';
import { caseSearchText, partyNamesOf } from '../../main/core/cases/searchIndex';
import type { BenchCase, BenchParty, Clerk } from './dataset';

export interface RawContext {
  officeId: string;
  committees: Map<string, { abbreviation: string; pattern: string }>;
  disputeTypeNames: Map<string, string>;
}

const AUDIT_HEAD = 'audit.head';

export class RawWriter {
  private readonly s: Record<string, Statement>;
  private head: { seq: number; hash: string };

  constructor(
    readonly db: Database,
    private readonly ctx: RawContext,
  ) {
    const p = (sql: string) => db.prepare(sql);
    this.s = {
      nextSeq: p(`INSERT INTO number_sequences (committee_id, year, last_seq) VALUES (?, ?, 1)
        ON CONFLICT (committee_id, year) DO UPDATE SET last_seq = last_seq + 1 RETURNING last_seq AS seq`),
      partyById: p(`SELECT id FROM parties WHERE id_type = ? AND id_number = ? AND deleted_at IS NULL`),
      partyByCredit: p(`SELECT id FROM parties WHERE credit_code = ? AND deleted_at IS NULL`),
      insertParty:
        p(`INSERT INTO parties (id, origin_office_id, version, created_at, updated_at, deleted_at, kind, name, sex,
        ethnicity, birth_date, id_type, id_number, id_suffix, occupation, credit_code, representative, representative_title,
        address, phone) VALUES (?, ?, 1, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      updateParty:
        p(`UPDATE parties SET version = version + 1, updated_at = ?, name = ?, address = coalesce(?, address),
        phone = coalesce(?, phone), occupation = coalesce(?, occupation) WHERE id = ?`),
      insertCase:
        p(`INSERT INTO cases (id, origin_office_id, version, created_at, updated_at, case_number, committee_id,
        number_year, number_seq, status, dispute_type, source, township, village, received_on, received_by, received_by_name,
        summary, requests, amount_fen, risk_level, risk_flags, party_names, repeat_reason, void_reason)
        VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      insertNumber:
        p(`INSERT INTO case_numbers (case_number, committee_id, year, seq, case_id, state, issued_at, voided_at,
        void_reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      insertLink:
        p(`INSERT INTO case_parties (id, origin_office_id, version, created_at, updated_at, case_id, party_id, role,
        position, agent_name, agent_relation, agent_authority, agent_authority_detail, agent_id_number, agent_phone)
        VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, ?)`),
      insertSearch: p(`INSERT INTO case_search (rowid, terms) VALUES (?, ?)`),
      insertHistory:
        p(`INSERT INTO case_history (id, origin_office_id, version, created_at, updated_at, case_id, at, actor_id,
        actor_name, action, changes, note) VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?, '受理登记', '[]', NULL)`),
      insertAudit:
        p(`INSERT INTO audit_log (seq, at, actor_id, actor_name, action, target, outcome, detail, prev_hash, hash)
        VALUES (?, ?, ?, ?, 'cases:create', ?, 'ok', ?, ?, ?)`),
      setHead: p(
        `INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
      ),
      clearDraft: p(`DELETE FROM drafts WHERE user_id = ? AND form = 'intake'`),
    };
    this.s.lastAudit = p(`SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1`);
    this.head = this.readHead();
  }

  private readHead(): { seq: number; hash: string } {
    return (
      (this.s.lastAudit!.get() as { seq: number; hash: string } | undefined) ?? { seq: 0, hash: GENESIS_HASH }
    );
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
    const seq = (this.s.nextSeq!.get(input.committeeId, year) as { seq: number }).seq;
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
    };
    const rowid = Number(
      this.s.insertCase!.run(
        row.id,
        row.originOfficeId,
        now,
        now,
        caseNumber,
        row.committeeId,
        year,
        seq,
        row.status,
        row.disputeType,
        row.source,
        row.township,
        row.village,
        row.receivedOn,
        row.receivedBy,
        row.receivedByName,
        row.summary,
        row.requests,
        row.amountFen,
        row.riskLevel,
        row.riskFlags,
        row.partyNames,
        row.repeatReason,
        row.voidReason,
      ).lastInsertRowid,
    );
    this.s.insertNumber!.run(
      caseNumber,
      row.committeeId,
      year,
      seq,
      caseId,
      c.status === 'voided' ? 'voided' : 'issued',
      now,
      c.status === 'voided' ? now : null,
      row.voidReason,
    );
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
      this.s.insertLink!.run(
        link.id,
        link.originOfficeId,
        now,
        now,
        caseId,
        link.partyId,
        link.role,
        position,
        link.agentName,
        link.agentRelation,
        link.agentAuthority,
        link.agentPhone,
      );
      return { link, party: parties[position]! };
    });
    this.s.insertSearch!.run(
      rowid,
      caseSearchText(row, linked, this.ctx.disputeTypeNames.get(row.disputeType) ?? ''),
    );
    this.s.insertHistory!.run(randomUUID(), this.ctx.officeId, now, now, caseId, now, clerk.id, clerk.name);

    const fields = {
      seq: this.head.seq + 1,
      at: now,
      actorId: clerk.id,
      actorName: clerk.name,
      action: 'cases:create',
      target: caseId,
      outcome: 'ok' as const,
      detail: `案号 ${caseNumber}`,
      prevHash: this.head.hash,
    };
    const hash = hashEntry(fields);
    this.s.insertAudit!.run(
      fields.seq,
      now,
      clerk.id,
      clerk.name,
      caseId,
      fields.detail,
      fields.prevHash,
      hash,
    );
    this.head = { seq: fields.seq, hash };
    if (single) this.writeHead();
    this.s.clearDraft!.run(clerk.id);
    return { caseId, caseNumber };
  }

  /** The audit chain head setting (audit:verify compares it with the last entry). */
  writeHead(): void {
    this.s.setHead!.run(AUDIT_HEAD, JSON.stringify(this.head));
  }

  private party(p: BenchParty, now: string): PartyRow {
    const person = p.kind === 'person' ? p : null;
    const org = p.kind === 'organisation' ? p : null;
    const idNumber = person?.idNumber ?? null;
    const existing = (
      idNumber
        ? this.s.partyById!.get('resident_id', idNumber)
        : org?.creditCode
          ? this.s.partyByCredit!.get(org.creditCode)
          : undefined
    ) as { id: string } | undefined;
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
      idSuffix: idNumber ? idNumber.slice(-4) : null,
      occupation: person?.occupation ?? null,
      creditCode: org?.creditCode ?? null,
      representative: org?.representative ?? null,
      representativeTitle: org?.representativeTitle ?? null,
      address: p.address ?? null,
      phone: p.phone ?? null,
    };
    if (existing) {
      this.s.updateParty!.run(now, row.name, row.address, row.phone, row.occupation, row.id);
    } else {
      this.s.insertParty!.run(
        row.id,
        row.originOfficeId,
        now,
        now,
        row.kind,
        row.name,
        row.sex,
        row.ethnicity,
        row.birthDate,
        row.idType,
        row.idNumber,
        row.idSuffix,
        row.occupation,
        row.creditCode,
        row.representative,
        row.representativeTitle,
        row.address,
        row.phone,
      );
    }
    return row;
  }
}
