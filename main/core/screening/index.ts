// 两排查一分析 (issue 15): screening rounds, the cadence, and the monthly analysis note.
export { recordRound, listRounds, requireOrganisationInScope } from './rounds';
export { CADENCE_KEY, DEFAULT_CADENCE, getCadence, periodOf, saveCadence, screeningDue } from './cadence';
export { analysis, analysisDocx, monthFigures, saveAnalysis } from './analysis';
