import { z } from 'zod';
import { checkCalendarDate, declaredCalendarDay } from '../validation/calendarDate';

// The one date type of the contract: a real calendar day (validation/calendarDate.ts) within the
// field's sane range. Every date input uses it. Messages say the problem; the dispatcher puts the
// field's name in front (受理日期：2026-02-30 不是有效的日期（2026年2月只有28天）), the form
// shows them under the field.

export interface DateRange {
  /** Earliest day accepted (default 1900-01-01). */
  min?: string;
  /** Latest day accepted (default 2099-12-31). */
  max?: string;
  /**
   * The day cannot be after today (birth, receipt, signature, visit…), judged on the declared
   * office day (onCalendarDay: every channel call); a form's parse leaves it to the service.
   */
  notFuture?: boolean;
}

const EARLIEST = '1900-01-01';
const LATEST = '2099-12-31';

const dateChecks = new WeakSet<object>();

/** Whether a string schema is the contract's date type (for the contract test). */
export function hasDateRule(schema: z.ZodType): boolean {
  const checks = (schema._zod.def as { checks?: unknown[] }).checks ?? [];
  return checks.some((c) => typeof c === 'object' && c !== null && dateChecks.has(c));
}

export function calendarDate(label: string, range: DateRange = {}) {
  const min = range.min ?? EARLIEST;
  const max = range.max ?? LATEST;
  const check = z.superRefine<string>((value, ctx) => {
    const problem = (message: string) => ctx.addIssue({ code: 'custom', message, input: value });
    const parsed = checkCalendarDate(value);
    if (!parsed.ok) return problem(parsed.problem);
    if (value < min) return problem(`不能早于${min}，请核对`);
    if (value > max) return problem(`不能晚于${max}，请核对`);
    const today = range.notFuture ? declaredCalendarDay() : null;
    if (today !== null && value > today) problem(`不能晚于今天（${today}）`);
  });
  dateChecks.add(check);
  return z
    .string({ error: `请填写${label}` })
    .trim()
    .check(check)
    .describe(label);
}
