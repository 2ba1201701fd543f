import type { z } from 'zod';
import { fieldLabel, type ApiError, type ApiIssue } from '../contract';
import { DomainError } from '../core/errors';
import { StoreRefusedError, StoreStatementError, StoreUnavailableError } from '../../db/postgres/errors';

/** Serialization failure and deadlock: another desk's transaction won; the same call may now succeed. */
const RETRYABLE = new Set(['40001', '40P01']);

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
  // The centre's server (issue 17): its messages are already the ones to show.
  if (error instanceof StoreUnavailableError) return { code: 'UNAVAILABLE', message: error.message };
  if (error instanceof StoreRefusedError) return { code: 'CONFLICT', message: error.message };
  if (error instanceof StoreStatementError && RETRYABLE.has(error.code)) {
    return { code: 'CONFLICT', message: '其他工作台正在处理相同的数据，本次操作没有保存，请重试' };
  }
  // Unexpected: the details go to the developer console, never onto the screen.
  console.error('[dispatch] unexpected error', error);
  return { code: 'INTERNAL', message: '系统内部错误，操作未完成，请重试；如反复出现请联系管理员' };
}
