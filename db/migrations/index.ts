import { Initial0001 } from './0001-initial';
import { Intake0002 } from './0002-intake';
import { Workflow0003 } from './0003-workflow';
import { Documents0004 } from './0004-documents';
import { ReferringCourt0005 } from './0005-referring-court';
import { Security0006 } from './0006-security';
import { Scope0007 } from './0007-scope';
import { HandlingNumbers0008 } from './0008-handling-numbers';
import { IntakeDesk0009 } from './0009-intake-desk';
import { SafeFileNames0011 } from './0011-safe-file-names';
// ── dossier (issue 13) ──
import { Dossiers0012 } from './0012-dossiers';
// ── statistics (issue 15) ──
import { Statistics0013 } from './0013-statistics';
// ── screening & subsidy (issue 15) ──
import { ScreeningSubsidy0014 } from './0014-screening-subsidy';
import { RefusalScope0015 } from './0015-refusal-scope';
// ── province (issue 16) ──
import { Province0016 } from './0016-province';
// ── exchange (issue 14) ──
import { Exchange0018 } from './0018-exchange';

// ── confirmation ruling (issue 15) ──
import { ConfirmationRuling0017 } from './0017-confirmation-ruling';
// ── province export speed (issue 16) ──
import { ProvinceRecordsRowid0020 } from './0020-province-records-rowid';
// ── performance (issue 18) ──
import { RepeatCheckIndexes0021 } from './0021-repeat-check-indexes';
import { ExchangeCatalogue0022 } from './0022-exchange-catalogue';
import { ExchangeRestore0024 } from './0024-exchange-restore';
import { SearchScope0025 } from './0025-search-scope';
// ── exchange: one party record per person per office (issue 14) ──
import { PartiesPerOffice0026 } from './0026-parties-per-office';
import { ReturnedDispatchScope0027 } from './0027-returned-dispatch-scope';
/** Every migration in order. Add the next one at the end with the next number, and a test. */
export const migrations = [
  Initial0001,
  Intake0002,
  Workflow0003,
  Documents0004,
  ReferringCourt0005,
  Security0006,
  Scope0007,
  HandlingNumbers0008,
  IntakeDesk0009,
  SafeFileNames0011,
  // ── dossier (issue 13) ──
  Dossiers0012,
  // ── statistics (issue 15) ──
  Statistics0013,
  // ── screening & subsidy (issue 15) ──
  ScreeningSubsidy0014,
  RefusalScope0015,
  // ── province (issue 16) ──
  Province0016,
  // ── confirmation ruling (issue 15) ──
  ConfirmationRuling0017,
  // ── exchange (issue 14) ──
  Exchange0018,
  // ── province export speed (issue 16) ──
  ProvinceRecordsRowid0020,
  // ── performance (issue 18) ──
  RepeatCheckIndexes0021,
  // ── exchange: the shared catalogue (issue 14) ──
  ExchangeCatalogue0022,
  // ── exchange after a restore (issue 14) ──
  ExchangeRestore0024,
  // ── search in scope (issue 9) ──
  SearchScope0025,
  // ── exchange: one party record per person per office (issue 14) ──
  PartiesPerOffice0026,
  // ── scope: a returned dispatch leaves its committee's scope (issue 9) ──
  ReturnedDispatchScope0027,
];
