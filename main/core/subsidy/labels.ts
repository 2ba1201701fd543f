// The contract's subsidy names, and money as plain yuan for messages and the export.
export {
  subsidyGradeLabels,
  subsidyGrades,
  type SubsidyGrade,
  type subsidyRulesDto,
  type SubsidyRulesDto,
} from '../../contract';

/** 15000 fen → "150", 12345 → "123.45". */
export function formatYuanPlain(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const cents = abs % 100;
  return `${sign}${Math.floor(abs / 100)}${cents ? `.${String(cents).padStart(2, '0')}` : ''}`;
}
