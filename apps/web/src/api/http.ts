/**
 * The one way the web talks to the api: same origin, bearer token from the session, JSON in and out,
 * and every refusal turned into an ApiError carrying the api's Vietnamese message for the person to read.
 */
import type { ErrorBodyDto } from './generated/types.gen';

const TOKEN_KEY = 'cvt.token';

export const tokenStore = {
  get: (): string | null => sessionStorage.getItem(TOKEN_KEY),
  set: (t: string) => sessionStorage.setItem(TOKEN_KEY, t),
  clear: () => sessionStorage.removeItem(TOKEN_KEY),
};

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

const NETWORK = 'Không kết nối được máy chủ. Vui lòng kiểm tra mạng và thử lại.';
let onUnauthorized: () => void = () => undefined;
/** The session registers what a 401 does (sign out, back to the login page). */
export const setUnauthorizedHandler = (fn: () => void) => {
  onUnauthorized = fn;
};

type Query = Record<string, string | number | boolean | undefined | null>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') qs.set(k, String(v));
  const s = qs.toString();
  return s ? `${path}?${s}` : path;
}

async function send(method: string, path: string, body?: unknown, query?: Query): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  const token = tokenStore.get();
  if (token) headers.Authorization = `Bearer ${token}`;
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  let res: Response;
  try {
    res = await fetch(withQuery(`/api/v1${path}`, query), { method, headers, body: payload });
  } catch {
    throw new ApiError(0, 'NETWORK', NETWORK);
  }
  if (!res.ok) {
    let code = 'ERROR';
    let message = `Máy chủ trả lời lỗi ${res.status}.`;
    let details: unknown;
    try {
      // The api's one error body; `code` is the feature code (DELIVERY_ALREADY_REFUSED, …) a screen may switch on.
      const err = (await res.json()) as Partial<Omit<ErrorBodyDto, 'message'>> & { message?: string | string[] };
      code = err.code ?? err.error ?? code;
      message = Array.isArray(err.message) ? err.message.join('; ') : (err.message ?? message);
      details = err.details;
    } catch {
      /* not JSON: keep the status line */
    }
    if (res.status === 401 && token) onUnauthorized();
    throw new ApiError(res.status, code, message, details);
  }
  return res;
}

export async function request<T>(method: string, path: string, body?: unknown, query?: Query): Promise<T> {
  const res = await send(method, path, body, query);
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', path, undefined, query),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {}),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  del: <T>(path: string) => request<T>('DELETE', path),
  /** A file behind the token, as a blob (previews and downloads). */
  blob: async (path: string): Promise<{ blob: Blob; name: string | null }> => {
    const res = await send('GET', path);
    const cd = res.headers.get('content-disposition') ?? '';
    const m = /filename\*=UTF-8''([^;]+)/i.exec(cd) ?? /filename="?([^";]+)"?/i.exec(cd);
    return { blob: await res.blob(), name: m ? decodeURIComponent(m[1]) : null };
  },
};

/** Saves a blob under its name through a temporary link. */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export const errorMessage = (e: unknown): string => (e instanceof Error ? e.message : String(e));
