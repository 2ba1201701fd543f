import { z } from 'zod';

// The one contract between the screen and the services. Pure: imports zod only.
// Chinese messages for zod's built-in checks, for every consumer of the contract.
z.config(z.locales.zhCN());

export * from './roles';
export * from './errors';
export * from './labels';
export * from './events';
export * from './api';
export * from './channels';
export * from './channels/spec';
export * from './ids';
export * from './schemas/common';
export * from './schemas/auth';
export * from './schemas/users';
export * from './schemas/settings';
export * from './schemas/audit';
export * from './schemas/catalog';
export * from './schemas/parties';
export * from './schemas/cases';
export * from './schemas/organisations';
export * from './schemas/dispatch';
export * from './schemas/mediation';
export * from './schemas/workflow';
export * from './schemas/documents';
export * from './schemas/backup';
// ── dossier (issue 13) ──
export * from './schemas/dossiers';
// ── statistics (issue 15) ──
export * from './schemas/statistics';
export * from './schemas/monthlyReturn';
// ── screening & subsidy (issue 15) ──
export * from './schemas/screening';
export * from './schemas/subsidy';
// ── province (issue 16) ──
export * from './schemas/province';
export { infoSets, infoSetNames, type InfoSetName } from './province/infoSets';
export * from './workflow';
export * from './validation/idNumber';
export * from './validation/creditCode';
export * from './validation/phone';
export * from './validation/amount';
// The text rule, file names and the date type (issue 8).
export * from './schemas/dates';
export {
  checkCalendarDate,
  calendarToday,
  daysInMonth,
  declaredCalendarDay,
  onCalendarDay,
  type Ymd,
} from './validation/calendarDate';
// Rules the screens and the services share (issue 8: one home each).
export * from './rules/caseNumber';
export * from './rules/catalogueOwner';
export * from './rules/composition';
export * from './rules/organisationTree';
export * from './schemas/freeText';
export * from './validation/hiddenCharacters';
export * from './validation/fileName';
// ── exchange (issue 14) ──
export * from './schemas/exchange';
export { countsText, exchangeTableLabels, exchangeTables, type ExchangeTable } from './exchange/records';
