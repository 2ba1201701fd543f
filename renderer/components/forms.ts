import type { FormInstance } from 'antd';
import type { Rule } from 'antd/es/form';
import type { z } from 'zod';
import type { ApiError } from '../../main/contract';

/** An antd rule that runs a contract schema: the form says exactly what the service would. */
export function zodRule(schema: z.ZodType): Rule {
  return {
    validator: async (_rule, value: unknown) => {
      const result = schema.safeParse(value);
      if (!result.success) throw new Error(result.error.issues[0]?.message ?? '输入不正确');
    },
  };
}

/** Puts the service's field errors next to the form's fields; returns false when none matched a field. */
export function applyServerErrors(form: FormInstance, error: ApiError): boolean {
  if (error.code !== 'VALIDATION' || !error.issues?.length) return false;
  const values = form.getFieldsValue(true) as Record<string, unknown>;
  const fields = error.issues
    .filter((issue) => issue.path.length > 0 && String(issue.path[0]) in values)
    .map((issue) => ({ name: issue.path, errors: [issue.message] }));
  form.setFields(fields);
  return fields.length > 0;
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
