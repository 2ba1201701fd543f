import type { FormInstance } from 'antd';
import type { Rule } from 'antd/es/form';
import dayjs, { type Dayjs } from 'dayjs';
import type { z } from 'zod';
import type { ApiError, ApiIssue } from '../../main/contract';

type IssuePath = (string | number)[];

/** An antd rule that runs a contract schema: the form says exactly what the service would. */
export function zodRule(schema: z.ZodType): Rule {
  return {
    validator: async (_rule, value: unknown) => {
      const result = schema.safeParse(value);
      if (!result.success) throw new Error(result.error.issues[0]?.message ?? '输入不正确');
    },
  };
}

/** True when the form has a field at `path` (registered fields only: an issue must land where it shows). */
function reachable(values: unknown, path: IssuePath): boolean {
  let node: unknown = values;
  for (const key of path) {
    if (node === null || typeof node !== 'object' || !(key in node)) return false;
    node = (node as Record<string | number, unknown>)[key];
  }
  return true;
}

/**
 * Puts the service's field errors next to the form's fields, nested paths included
 * (['parties', 1, 'idNumber'] lands on the second party's ID field). `mapPath` renames paths whose
 * form field differs from the contract (e.g. amountFen → amount) or returns null to skip one.
 * Returns the issues that found a field; none (false-y length) means show the error elsewhere.
 */
export function placeServerErrors(
  form: FormInstance,
  error: ApiError,
  mapPath: (path: IssuePath) => IssuePath | null = (p) => p,
): IssuePath[] {
  if (error.code !== 'VALIDATION' || !error.issues?.length) return [];
  const values = form.getFieldsValue() as Record<string, unknown>;
  const byField = new Map<string, { name: IssuePath; errors: string[] }>();
  for (const issue of error.issues) {
    const name = issue.path.length > 0 ? mapPath(issue.path) : null;
    if (!name || !reachable(values, name)) continue;
    const key = JSON.stringify(name);
    const entry = byField.get(key) ?? { name, errors: [] };
    if (!entry.errors.includes(issue.message)) entry.errors.push(issue.message);
    byField.set(key, entry);
  }
  const fields = [...byField.values()];
  form.setFields(fields);
  return fields.map((f) => f.name);
}

/** Puts the service's field errors next to the form's fields; returns false when none matched a field. */
export function applyServerErrors(form: FormInstance, error: ApiError): boolean {
  return placeServerErrors(form, error).length > 0;
}

/** Client-side parse failures in the same shape the service sends, so one path handles both. */
export function zodErrorAsApiError(error: z.ZodError): ApiError {
  const issues: ApiIssue[] = error.issues.map((i) => ({
    path: i.path.filter((p): p is string | number => typeof p !== 'symbol'),
    field: '',
    message: i.message,
  }));
  return { code: 'VALIDATION', message: issues[0]?.message ?? '输入不正确', issues };
}

/** RTK Query errors are ApiErrors from the contract, or (rarely) something else. */
export function asApiError(error: unknown): ApiError {
  if (error && typeof error === 'object' && 'code' in error && 'message' in error) return error as ApiError;
  return { code: 'INTERNAL', message: '操作未完成，请重试' };
}

/** "Type it again": must equal the `field` beside it. */
export function confirmPasswordRule(field = 'password'): Rule {
  return ({ getFieldValue }) => ({
    validator: async (_rule, value: string | undefined) => {
      if (!value) throw new Error('请再次输入密码');
      if (value !== getFieldValue(field)) throw new Error('两次输入的密码不一致');
    },
  });
}

/**
 * Form.Item props for a DatePicker whose form value is a plain 'YYYY-MM-DD' string, as the
 * contract wants it: the draft stays plain JSON and the contract's date schema validates it.
 */
export const isoDateItemProps = {
  getValueProps: (value: unknown) => ({
    value: typeof value === 'string' && value ? dayjs(value) : undefined,
  }),
  normalize: (value: Dayjs | null | undefined) => (value ? value.format('YYYY-MM-DD') : undefined),
};

export function todayIso(): string {
  return dayjs().format('YYYY-MM-DD');
}
