/**
 * Main's HTTP client for the backend. The renderer never talks to the backend itself; every
 * call goes through here, with a timeout, and answers either the JSON body or a coded error.
 */
export interface BackendError {
  status: number;
  code: string;
  message: string;
  details?: unknown;
}

export type BackendResponse<T> = { ok: true; status: number; body: T } | { ok: false; error: BackendError };

/** One request's options: a JSON `body`, or `raw` bytes with their type (image uploads). */
export interface BackendRequestInit {
  body?: unknown;
  raw?: { bytes: Uint8Array<ArrayBuffer>; contentType: string };
  headers?: Record<string, string>;
  timeoutMs?: number;
}

export interface BackendClientOptions {
  baseUrl: () => string;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

export function createBackendClient(opts: BackendClientOptions) {
  const doFetch = opts.fetch ?? fetch;
  const timeoutMs = opts.timeoutMs ?? 10_000;

  async function request<T>(
    method: string,
    path: string,
    init: BackendRequestInit = {},
  ): Promise<BackendResponse<T>> {
    const headers: Record<string, string> = { accept: 'application/json', ...init.headers };
    let body: string | Uint8Array<ArrayBuffer> | FormData | undefined;
    if (init.raw !== undefined) {
      headers['content-type'] = init.raw.contentType;
      body = init.raw.bytes;
    } else if (init.body instanceof FormData) {
      // Multipart uploads (character photos) go as they are; fetch sets the boundary header.
      body = init.body;
    } else if (init.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(init.body);
    }
    let response: Response;
    try {
      response = await doFetch(`${opts.baseUrl()}${path}`, {
        method,
        headers,
        body,
        redirect: 'error',
        signal: AbortSignal.timeout(init.timeoutMs ?? timeoutMs),
      });
    } catch (err) {
      const timedOut = err instanceof Error && err.name === 'TimeoutError';
      return {
        ok: false,
        error: {
          status: 0,
          code: 'backend_unreachable',
          message: timedOut ? 'The PromptPixels service did not answer in time.' : 'The PromptPixels service cannot be reached. Check your connection.',
        },
      };
    }
    const text = await response.text();
    let json: unknown = undefined;
    if (text) {
      try {
        json = JSON.parse(text);
      } catch {
        json = undefined;
      }
    }
    if (response.ok) return { ok: true, status: response.status, body: json as T };
    const apiError = (json as { error?: Partial<BackendError> } | undefined)?.error;
    return {
      ok: false,
      error: {
        status: response.status,
        code: typeof apiError?.code === 'string' ? apiError.code : 'http_error',
        message: typeof apiError?.message === 'string' ? apiError.message : `The service answered ${response.status}.`,
        details: apiError?.details,
      },
    };
  }

  return { request };
}

export type BackendClient = ReturnType<typeof createBackendClient>;
