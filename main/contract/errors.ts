// Error codes every transport returns. The message is always Chinese and says what to fix.

export const errorCodes = [
  'VALIDATION', // input does not match the channel's schema or a domain rule
  'UNAUTHENTICATED', // not signed in, or the session was locked
  'FORBIDDEN', // signed in, but the user's roles lack the channel's permission
  'NOT_FOUND',
  'CONFLICT', // the request is valid but the current state forbids it
  'AUTH_FAILED', // wrong user name or password (never says which)
  'ACCOUNT_LOCKED', // too many failures; retryAfterSeconds says how long
  'UNAVAILABLE', // the county centre's database cannot be reached now: nothing was saved, try again
  'INTERNAL',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export interface ApiIssue {
  /** Where in the input, e.g. ["parties", 1, "idNumber"]. */
  path: (string | number)[];
  /** Chinese label of that field, e.g. "当事人 第2项 › 证件号码". */
  field: string;
  message: string;
}

export interface ApiError {
  code: ErrorCode;
  message: string;
  issues?: ApiIssue[];
  retryAfterSeconds?: number;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };
