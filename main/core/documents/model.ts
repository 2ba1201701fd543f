// The view model every document generator reads. It is deliberately flat, plain data (no
// entities, no Dates): the case service maps its rows into a DocumentCase, and generators stay
// pure functions of it. Dates are ISO strings ('YYYY-MM-DD', times 'YYYY-MM-DDTHH:mm'), money is
// integer fen so no float ever reaches a printed amount.

import type { CaseSource, DateStyle } from '../../contract';

/** 'YYYY-MM-DD' */
export type IsoDate = string;
/** 'YYYY-MM-DDTHH:mm' (local time, as the clerk entered it) */
export type IsoDateTime = string;

export type PartyRole = '申请人' | '被申请人' | '第三人';

/** How the case came in: the contract's codes, printed with the contract's labels. */
export type { CaseSource };

/**
 * Where a case is in its life. The workflow module owns the real state machine; documents only
 * need this coarse stage to decide which forms make sense to print.
 */
export type CaseStage =
  | 'applied' // application received, not yet registered
  | 'registered' // 受理登记 done
  | 'mediating'
  | 'agreed' // agreement reached (written or oral)
  | 'terminated' // mediation ended without agreement
  | 'closed'
  | 'archived';

export interface Committee {
  /**
   * The one full name every document prints, from the organisation record: its seal text, e.g.
   * "平罗县渠口乡人民调解委员会" (never the short "渠口乡人民调解委员会").
   */
  name: string;
  /** Exact text of the committee seal; printed where the seal is applied. */
  sealText: string;
  address?: string;
  phone?: string;
}

export interface Agent {
  name: string;
  /** 委托代理人 or 法定代理人 */
  kind: '委托代理人' | '法定代理人';
  /** Relation to the party or agent type, e.g. "律师", "儿子", "本单位员工". */
  relation: string;
  /** 代理权限, e.g. "一般授权" or "特别授权（代为承认、放弃、变更请求，代为签收法律文书）". */
  authority: string;
  phone: string;
  idType?: string;
  idNumber?: string;
  employer?: string;
}

interface PartyBase {
  id: string;
  role: PartyRole;
  phone: string;
  agents: Agent[];
  /** 送达地址 if different from the domicile. */
  serviceAddress?: string;
}

export interface PersonParty extends PartyBase {
  kind: 'person';
  name: string;
  sex: '男' | '女';
  ethnicity: string;
  birthDate: IsoDate;
  /** If absent it is computed from birthDate at the document's reference date. */
  age?: number;
  idType: string;
  idNumber: string;
  occupation: string;
  /** 住址 (domicile). */
  address: string;
  employer?: string;
}

export interface OrganisationParty extends PartyBase {
  kind: 'organisation';
  name: string;
  /** 统一社会信用代码 */
  uscc: string;
  /** 住所 */
  address: string;
  representative: {
    kind: '法定代表人' | '负责人';
    name: string;
    /** 职务 */
    title: string;
  };
}

export type Party = PersonParty | OrganisationParty;

export interface Mediator {
  name: string;
  /** e.g. 主持调解员, 调解员 */
  role: string;
}

export interface Statement {
  /** Who spoke, e.g. "调解员 李建国" or "申请人 马玉兰". */
  speaker: string;
  text: string;
}

export interface InvestigationRecord {
  time: IsoDateTime;
  place: string;
  investigators: string[];
  recorder: string;
  /** 被调查人 */
  subject: { name: string; sex?: string; age?: number; address?: string; relation?: string; phone?: string };
  othersPresent?: string[];
  matter: string;
  statements: Statement[];
}

export interface Invitee {
  name: string;
  /** Relation or unit, e.g. "村委会主任", "申请人之兄". */
  relation: string;
}

export interface MediationRecord {
  startTime: IsoDateTime;
  endTime?: IsoDateTime;
  place: string;
  matter: string;
  /** 参加人: invitees only, never mediators, parties or the recorder. */
  invitees: Invitee[];
  /** Names of parties (or their agents) present. */
  partiesPresent: string[];
  rightsNoticeGiven: boolean;
  statements: Statement[];
  /** Result or why it failed. */
  result: string;
  /** Other routes the parties were told about, if it failed. */
  routesTold?: string;
}

/**
 * What the agreement settles. Courts refuse to confirm status relations (marriage, adoption,
 * parentage) and ownership determinations (确权), so the clerk classifies it explicitly instead
 * of the software guessing from the dispute type.
 */
export type AgreementSubject = 'ordinary' | 'status_relation' | 'ownership';

export interface Agreement {
  kind: '书面' | '口头';
  number: string;
  facts: string;
  /**
   * The desk records facts, points in dispute and responsibility as one text (the clerk writes
   * them together); when these two are absent the forms print that text under one heading.
   */
  disputedPoints?: string;
  responsibility?: string;
  terms: string[];
  performance: { manner: string; place: string; deadline: IsoDate };
  /** Amount the agreement involves, integer fen. */
  amountFen?: number;
  /** Date the agreement was reached (oral agreements take effect that day). */
  reachedDate: IsoDate;
  signedDate: IsoDate;
  /** Last signature/seal; absent until every party, the mediator and the seal are done. */
  effectiveDate?: IsoDate;
  subjectMatter: AgreementSubject;
  /** Explains the classification, e.g. "宅基地使用权归属". */
  subjectNote?: string;
}

export interface JudicialConfirmation {
  /** Party ids who sign the joint application. */
  applicantPartyIds: string[];
  /** Overrides the chosen court (e.g. the subject-matter court). */
  courtName?: string;
  applicationDate?: IsoDate;
  /**
   * The agreement concerns property rights (land, a house, a vehicle): the proof of those rights
   * is attached (法释〔2011〕5号 Art. 3). Asked at confirmation time when the case cannot tell.
   */
  propertyRights?: boolean;
}

export interface Termination {
  reason: string;
  /** Routes the parties were told about (告知其他途径), e.g. 仲裁, 行政, 诉讼. */
  routesTold: string[];
  date: IsoDate;
  number?: string;
}

export interface ReturnVisit {
  date: IsoDate;
  visitors: string[];
  visited: string[];
  method?: string;
  performance: string;
  satisfaction: string;
  litigation?: string;
  escalationSigns: string;
  measures: string;
}

export interface DossierItem {
  title: string;
  date?: IsoDate;
  /** Page range as printed, e.g. "3-4". */
  pages: string;
  note?: string;
}

export interface Dossier {
  /** 卷号, e.g. "（2026）平城人调字第12号" */
  volumeNumber: string;
  /** 卷名; defaults to "<parties>××纠纷". */
  title?: string;
  filedBy: string;
  checkedBy?: string;
  filedDate: IsoDate;
  /** 保管期限, e.g. 永久 / 长期 / 短期 / 30年 */
  retention: string;
  mediationFrom: IsoDate;
  mediationTo: IsoDate;
  contents: DossierItem[];
  notes: string;
  remarks?: string;
}

export interface DocumentSettings {
  /** 'arabic' = 2026年11月30日 (GB/T 9704-2012), 'chinese' = 二〇二六年十一月三十日. */
  dateStyle: DateStyle;
  /** Court used for judicial confirmation when the case was not court-referred. */
  defaultCourt: string;
  /** Optional overrides for fixed sentences, keyed like DocumentTexts. */
  texts?: Record<string, string>;
}

export interface DocumentCase {
  committee: Committee;
  /** The number the case was registered under (受理编号): printed on the intake documents. */
  caseNumber: string;
  /**
   * The handling committee's own number, given when it accepted a case dispatched to it. The
   * agreement and the file documents carry it (fileNumber); absent when the registering
   * committee handles the case itself.
   */
  handlingNumber?: string;
  stage: CaseStage;
  disputeType: string;
  /** The catalog code of the dispute type (e.g. housing_homestead), when known. */
  disputeTypeCode?: string;
  source: CaseSource;
  /** The court that invited/entrusted the committee, for 法院委派/委托 cases. */
  referringCourt?: string;
  township: string;
  receivedDate: IsoDate;
  /** 纠纷简要情况 */
  summary: string;
  /** 申请事项 */
  requests: string[];
  parties: Party[];
  mediators: Mediator[];
  recorder: string;
  /** 登记人 on the intake register. */
  registrar: string;
  investigations: InvestigationRecord[];
  mediations: MediationRecord[];
  agreement?: Agreement;
  confirmation?: JudicialConfirmation;
  termination?: Termination;
  returnVisits: ReturnVisit[];
  dossier?: Dossier;
  settings: DocumentSettings;
}

/** The number the case's file is kept under: the handling committee's, else the intake number. */
export const fileNumber = (c: Pick<DocumentCase, 'caseNumber' | 'handlingNumber'>): string =>
  c.handlingNumber ?? c.caseNumber;
