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

async function request<T>(method: string, path: string, options: { query?: Query; body?: unknown } = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(withQuery(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  } catch {
    throw new ApiError(0, 'network', '无法连接服务器，请检查网络后重试。');
  }
  const text = await response.text();
  let data: unknown;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = null;
  }
  if (!response.ok) {
    const error = isErrorBody(data)
      ? new ApiError(response.status, data.code, data.message)
      : new ApiError(response.status, 'http_error', `请求失败（HTTP ${response.status}），请稍后重试。`);
    if (response.status === 401 && path !== '/api/auth/login') onUnauthenticated?.(error);
    throw error;
  }
  return data as T;
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
