import type { ApiIssue, ErrorCode } from '../contract';

// Typed domain errors. The dispatcher turns them into {ok:false,error}; any other exception
// becomes INTERNAL with a generic message (details go to the console, never to the screen).

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: ApiIssue[],
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class ValidationError extends DomainError {
  constructor(message: string, issues?: ApiIssue[]) {
    super('VALIDATION', message, issues);
  }

  /** A rule on one field, e.g. fieldError(['recoveryCode'], '恢复码', '恢复码不一致'). */
  static field(path: (string | number)[], field: string, message: string): ValidationError {
    return new ValidationError(`${field}：${message}`, [{ path, field, message }]);
  }
}

export class NotFoundError extends DomainError {
  constructor(message: string) {
    super('NOT_FOUND', message);
  }
}

export class ConflictError extends DomainError {
  constructor(message: string) {
    super('CONFLICT', message);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message = '您没有执行此操作的权限') {
    super('FORBIDDEN', message);
  }
}

export class UnauthenticatedError extends DomainError {
  constructor(message = '请先登录') {
    super('UNAUTHENTICATED', message);
  }
}

export class AuthFailedError extends DomainError {
  constructor(message = '用户名或密码错误') {
    super('AUTH_FAILED', message);
  }
}

export class AccountLockedError extends DomainError {
  constructor(retryAfterSeconds: number) {
    super(
      'ACCOUNT_LOCKED',
      `账户已锁定，请在${formatWait(retryAfterSeconds)}后重试`,
      undefined,
      retryAfterSeconds,
    );
  }
}

export function formatWait(seconds: number): string {
  const s = Math.max(1, Math.ceil(seconds));
  const minutes = Math.floor(s / 60);
  const rest = s % 60;
  if (minutes === 0) return `${rest}秒`;
  return rest === 0 ? `${minutes}分钟` : `${minutes}分${rest}秒`;
}
