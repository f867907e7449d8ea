/** Fetch-based API client. Every failure becomes an {@link ApiError}. */

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly field?: string;

  constructor(status: number, code: string, message: string, field?: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.field = field;
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

/** No answer from the API: network down, or a proxy/gateway error without the API's JSON error body. */
export function isNetworkError(e: unknown): boolean {
  return isApiError(e) && (e.status === 0 || (e.status >= 502 && e.code.startsWith('HTTP_')));
}

let acceptLanguage = 'zh-CN';

/** Server messages come in this language (zh-CN by default, en on request). */
export function setApiLanguage(lang: string): void {
  acceptLanguage = lang;
}

type Handler = (err: ApiError) => void;
let onUnauthenticated: Handler | null = null;
let onPasswordChangeRequired: Handler | null = null;

/** The app registers navigation handlers here (see main.tsx). */
export function setAuthHandlers(h: { unauthenticated: Handler; passwordChangeRequired: Handler }): void {
  onUnauthenticated = h.unauthenticated;
  onPasswordChangeRequired = h.passwordChangeRequired;
}

export type Query = Record<string, string | number | boolean | null | undefined>;

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  /** Do not redirect to /login on 401 (login form, session probe). */
  noAuthRedirect?: boolean;
  signal?: AbortSignal;
  /** Extra headers, e.g. an Idempotency-Key for a write sent again from the offline queue. */
  headers?: Record<string, string>;
}

export function buildUrl(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    params.set(k, String(v));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

async function toApiError(res: Response): Promise<ApiError> {
  let code = `HTTP_${res.status}`;
  let message = res.statusText || `HTTP ${res.status}`;
  let field: string | undefined;
  try {
    const data = (await res.json()) as { code?: unknown; message?: unknown; field?: unknown };
    if (typeof data.code === 'string') code = data.code;
    if (typeof data.message === 'string') message = data.message;
    if (typeof data.field === 'string') field = data.field;
  } catch {
    // not JSON — keep the HTTP status text
  }
  return new ApiError(res.status, code, message, field);
}

export async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': acceptLanguage,
    ...opts.headers,
  };
  let body: string | FormData | undefined;
  // An upload goes as multipart/form-data; the browser writes its boundary into the Content-Type.
  if (opts.body instanceof FormData) body = opts.body;
  else if (opts.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  let res: Response;
  try {
    res = await fetch(buildUrl(path, opts.query), {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: opts.signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, 'NETWORK', e instanceof Error ? e.message : String(e));
  }
  if (!res.ok) {
    const err = await toApiError(res);
    if (err.status === 401 && err.code !== 'INVALID_CREDENTIALS' && !opts.noAuthRedirect) {
      onUnauthenticated?.(err);
    } else if (err.status === 403 && err.code === 'PASSWORD_CHANGE_REQUIRED') {
      onPasswordChangeRequired?.(err);
    }
    throw err;
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => request<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown, opts?: RequestOptions) => request<T>('POST', path, { ...opts, body }),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, { body }),
  patch: <T>(path: string, body?: unknown) => request<T>('PATCH', path, { body }),
  del: <T>(path: string) => request<T>('DELETE', path),
};
