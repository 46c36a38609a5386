/**
 * The one error type of the server. Use cases throw it with a stable code and a Chinese
 * message; the central handler (error-handler.ts) maps the code to an HTTP status.
 */
export const statusByCode = {
  validation_failed: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  session_expired: 401,
  forbidden: 403,
  csrf_rejected: 403,
  not_found: 404,
  stale_version: 409,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  account_locked: 423,
  rate_limited: 429,
  internal: 500,
} as const;

export type AppErrorCode = keyof typeof statusByCode;

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    readonly messageZh: string,
  ) {
    super(messageZh);
    this.name = 'AppError';
  }

  get status(): number {
    return statusByCode[this.code];
  }
}

export const notFound = (what: string) => new AppError('not_found', `${what}不存在或无权查看。`);
export const forbidden = () => new AppError('forbidden', '没有执行此操作的权限。');
