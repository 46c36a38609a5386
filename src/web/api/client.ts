import type { ErrorBody } from '../../shared/schemas/error';

/** A failed request, carrying the server's stable code and its Chinese message. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  constructor(status: number, code: string, message: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
  }
}

let csrfToken: string | null = null;
let onUnauthenticated: ((error: ApiError) => void) | null = null;

/** The session's anti-forgery token, sent as X-CSRF-Token on every write. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when the server answers 401 to a signed-in request (session ended or expired). */
export function setUnauthenticatedHandler(handler: ((error: ApiError) => void) | null): void {
  onUnauthenticated = handler;
}

export type Query = Record<string, string | number | boolean | null | undefined>;

function isErrorBody(value: unknown): value is ErrorBody {
  return typeof value === 'object' && value !== null
    && typeof (value as ErrorBody).code === 'string' && typeof (value as ErrorBody).message === 'string';
}

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

/** The headers of a request: what it accepts, its body's type, and the CSRF token on every write. */
export function requestHeaders(method: string, hasBody: boolean, accept = 'application/json'): Record<string, string> {
  const headers: Record<string, string> = { accept };
  if (hasBody) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  return headers;
}

export const networkError = () => new ApiError(0, 'network', '无法连接服务器，请检查网络后重试。');

/** The error of a failed answer, with the server's code and message; a 401 tells the session it has ended. */
export function answerError(status: number, data: unknown, path: string): ApiError {
  const error = isErrorBody(data)
    ? new ApiError(status, data.code, data.message)
    : new ApiError(status, 'http_error', `请求失败（HTTP ${status}），请稍后重试。`);
  if (status === 401 && path !== '/api/auth/login') onUnauthenticated?.(error);
  return error;
}

/** A plain JSON answer: its body, or its failure as an ApiError. */
export async function answerOf<T>(response: Response, path: string): Promise<T> {
  const text = await response.text();
  let data: unknown;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = null;
  }
  if (!response.ok) throw answerError(response.status, data, path);
  return data as T;
}

async function request<T>(method: string, path: string, options: { query?: Query; body?: unknown } = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(withQuery(path, options.query), {
      method,
      headers: requestHeaders(method, options.body !== undefined),
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  } catch {
    throw networkError();
  }
  return answerOf<T>(response, path);
}

// GETs that a route's loader started while the page's code was still downloading (routes.tsx),
// each taken once by the page's own request for the same URL, while fresh. A large campaign's
// results page then waits for one download, not for the code and then the data (bench:web).
const prefetched = new Map<string, { at: number; promise: Promise<unknown> }>();
const prefetchFreshMs = 10_000;

export function prefetch(path: string): void {
  // Asked for already (the session and the first page's data start before the router: routes.tsx).
  const pending = prefetched.get(path);
  if (pending && Date.now() - pending.at < prefetchFreshMs) return;
  const promise = request('GET', path);
  // A failure is seen, and shown, by the page's own request that takes it.
  promise.catch(() => undefined);
  prefetched.set(path, { at: Date.now(), promise });
}

function takePrefetched<T>(url: string): Promise<T> | undefined {
  const hit = prefetched.get(url);
  if (!hit) return undefined;
  prefetched.delete(url);
  return Date.now() - hit.at < prefetchFreshMs ? (hit.promise as Promise<T>) : undefined;
}

export const api = {
  get: <T>(path: string, query?: Query) => takePrefetched<T>(withQuery(path, query)) ?? request<T>('GET', path, { query }),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, { body }),
  del: <T>(path: string, query?: Query) => request<T>('DELETE', path, { query }),
};

/** The message to show for any failure: the server's Chinese text, or a generic one. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return '操作失败，请稍后重试。';
}
