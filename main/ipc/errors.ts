import type { z } from 'zod';
import { fieldLabel, type ApiError, type ApiIssue } from '../contract';
import { DomainError } from '../core/errors';

/** Zod issues → one Chinese message naming the first bad field, plus every issue with its label. */
export function validationError(schema: z.ZodType, error: z.ZodError): ApiError {
  const issues: ApiIssue[] = error.issues.slice(0, 50).map((issue) => {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    return { path, field: fieldLabel(schema, path), message: issue.message };
  });
  const first = issues[0];
  const message = first ? `${first.field}：${first.message}` : '输入不正确';
  return { code: 'VALIDATION', message, issues };
}

export function toApiError(error: unknown): ApiError {
  if (error instanceof DomainError) {
    const out: ApiError = { code: error.code, message: error.message };
    if (error.issues) out.issues = error.issues;
    if (error.retryAfterSeconds !== undefined) out.retryAfterSeconds = error.retryAfterSeconds;
    return out;
  }
  // Unexpected: the details go to the developer console, never onto the screen.
  console.error('[dispatch] unexpected error', error);
  return { code: 'INTERNAL', message: '系统内部错误，操作未完成，请重试；如反复出现请联系管理员' };
}
