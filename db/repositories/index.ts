import type { DbHandle } from '../dataSource';
import { AuditRepository } from './audit';
import { CaseListRepository } from './caseList';
import {
  CaseHistoryRepository,
  CaseNumberRepository,
  DraftRepository,
  RefusalRepository,
} from './caseRecords';
import { CaseRepository } from './cases';
import { CatalogRepository } from './catalog';
import { DocumentRepository } from './documents';
// ── dossier (issue 13) ──
import { DossierRepository } from './dossiers';
import { MediatorRepository } from './mediators';
import { WorkflowRepository } from './workflow';
import { PartyRepository } from './parties';
import { SettingsRepository } from './settings';
import { UserRepository } from './users';
// ── scope (issue 9) ──
import { CaseScopeRepository } from './caseScope';
// ── statistics (issue 15) ──
import { MonthlyReturnRepository, StatisticsRepository } from './statistics';
// ── screening & subsidy (issue 15) ──
import { ScreeningRepository } from './screening';
import { SubsidyRepository } from './subsidy';
// ── province (issue 16) ──
import { ProvinceRepository } from './province';
import { ProvinceBatchRepository } from './provinceBatches';
// ── exchange (issue 14) ──
import { ExchangeRepository } from './exchange';
import { ExchangeRowsRepository } from './exchangeRows';
import { ExchangeVillageRepository } from './exchangeVillages';

/** All repositories bound to one handle (normally the dispatcher's transaction). */
export function repositories(db: DbHandle) {
  return {
    users: new UserRepository(db),
    settings: new SettingsRepository(db),
    audit: new AuditRepository(db),
    catalog: new CatalogRepository(db),
    parties: new PartyRepository(db),
    cases: new CaseRepository(db),
    caseList: new CaseListRepository(db),
    caseNumbers: new CaseNumberRepository(db),
    caseHistory: new CaseHistoryRepository(db),
    refusals: new RefusalRepository(db),
    drafts: new DraftRepository(db),
    mediators: new MediatorRepository(db),
    workflow: new WorkflowRepository(db),
    documents: new DocumentRepository(db),
    // ── scope (issue 9) ──
    caseScope: new CaseScopeRepository(db),
    // ── dossier (issue 13) ──
    dossiers: new DossierRepository(db),
    // ── statistics (issue 15) ──
    statistics: new StatisticsRepository(db),
    monthlyReturns: new MonthlyReturnRepository(db),
    // ── screening & subsidy (issue 15) ──
    screening: new ScreeningRepository(db),
    subsidy: new SubsidyRepository(db),
    // ── province (issue 16) ──
    province: new ProvinceRepository(db),
    provinceBatches: new ProvinceBatchRepository(db),
    // ── exchange (issue 14) ──
    exchange: new ExchangeRepository(db),
    exchangeRows: new ExchangeRowsRepository(db),
    exchangeVillages: new ExchangeVillageRepository(db),
  };
}
export type Repositories = ReturnType<typeof repositories>;

export type { AuditRow } from './audit';
export { listStrategyLimits, type CaseListQuery } from './caseList';
export type { CaseHistoryRow, RefusalRow } from './caseRecords';
export type { CaseLinkRow, CasePartyRow, CaseRow, ListedParty } from './cases';
export type { DocumentScanRow, DocumentVersionRow } from './documents';
// ── dossier (issue 13) ──
export type {
  DossierArchiveRow,
  DossierListQuery,
  DossierListRow,
  DossierPaperRow,
  DossierReviewRow,
  DossierRow,
} from './dossiers';
export type { PartyRow, PartySuggestionRow } from './parties';
export type { MediatorRow, MembershipRow, TrainingRow } from './mediators';
export type {
  AgreementRow,
  AssignmentMediatorRow,
  AssignmentRow,
  AttachmentRow,
  ExtensionRow,
  OpenCaseRow,
  OutcomeRow,
  RecordRow,
  RiskReportRow,
  VisitRow,
} from './workflowRows';
export { AuditRepository, SettingsRepository, UserRepository };
// ── scope (issue 9) ──
export { inScope, scopeRowids, type ScopePrincipals } from './caseScope';
// ── statistics (issue 15) ──
export { measureSql, type MonthlyReturnRow, type StatisticParams, type StatisticRow } from './statistics';
// ── screening & subsidy (issue 15) ──
export type { ScreeningAnalysisRow, ScreeningFindingRow, ScreeningRoundRow } from './screening';
export type { SubsidyCandidateRow, SubsidyGradeRow, SubsidyLineRow, SubsidySettlementRow } from './subsidy';
// ── province (issue 16) ──
export type { ProvinceBatchRow } from './provinceBatches';
// ── exchange (issue 14) ──
export type { ConflictRow, ExchangePackageRow, PeerRow, TrustedOfficeRow } from './exchange';
