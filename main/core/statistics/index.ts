export {
  defaultStatisticsConfig,
  planTargets,
  saveStatisticsConfig,
  statisticsConfig,
  targetsFor,
} from './config';
export { dashboard, statisticRowids, type Period } from './dashboard';
export { figuresOf, percent, statisticParams } from './figures';
export { QUALITY_LIMIT, qualityIssues } from './quality';
export { monthlyReturnFile, monthlyReturnWorkbook, returnStatus, submitReturn } from './monthlyReturn';
export { differences, monthPeriod, returnColumns, returnFigures, type ReturnFigures } from './returnFigures';
