// 以案定补 (issue 15): rules per year, grades, eligibility, settlements and their export.
export { defaultRules, rulesFor, saveRules, RULES_KEY } from './rules';
export { proposeGrade, setGrade, subsidyCases } from './grade';
export { approveSettlement, runSettlement, settlementView } from './settlement';
export { exportSettlement } from './export';
