// Case numbers (案号 / 卷号): the pattern's rules live in the contract (rules/caseNumber.ts), where
// the 调解组织 screen's preview uses them too; here allocation gets a field error it can throw.
import { caseNumberOf, type CaseNumberParts } from '../../contract';
import { ValidationError } from '../errors';

export {
  DEFAULT_CASE_NUMBER_PATTERN,
  MAX_PATTERN_LENGTH,
  validateCaseNumberPattern,
  type CaseNumberParts,
  type CaseNumberPatternCheck,
} from '../../contract';

/** formatCaseNumber('（{year}）{abbr}调字第{seq:4}号', {year: 2026, abbr: '平', seq: 1}) → '（2026）平调字第0001号' */
export function formatCaseNumber(pattern: string, parts: CaseNumberParts): string {
  const result = caseNumberOf(pattern, parts);
  if (!result.ok) throw ValidationError.field([result.field], result.label, result.message);
  return result.text;
}
