import { adminHandlers } from './admin';
import { authHandlers } from './auth';
import { caseHandlers } from './cases';
import { documentHandlers } from './documents';
import { organisationHandlers } from './organisations';
import type { Handlers } from './types';
import { workflowHandlers } from './workflow';
// backup (issue 12)
import { backupHandlers } from './backup';
// ── dossier (issue 13) ──
import { dossierHandlers } from './dossiers';
// ── statistics (issue 15) ──
import { statisticsHandlers } from './statistics';
// ── screening & subsidy (issue 15) ──
import { screeningHandlers } from './screening';
import { subsidyHandlers } from './subsidy';
// ── province (issue 16) ──
import { provinceHandlers } from './province';
// ── exchange (issue 14) ──
import { exchangeHandlers } from './exchange';

/** Every channel's handler. The type demands one per channel in the contract. */
export const handlers: Handlers = {
  ...authHandlers,
  ...adminHandlers,
  ...caseHandlers,
  ...organisationHandlers,
  ...workflowHandlers,
  ...documentHandlers,
  // backup (issue 12)
  ...backupHandlers,
  // ── dossier (issue 13) ──
  ...dossierHandlers,
  // ── statistics (issue 15) ──
  ...statisticsHandlers,
  // ── screening & subsidy (issue 15) ──
  ...screeningHandlers,
  ...subsidyHandlers,
  // ── province (issue 16) ──
  ...provinceHandlers,
  // ── exchange (issue 14) ──
  ...exchangeHandlers,
};
