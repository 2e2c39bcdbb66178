/**
 * A Server-Sent Events reader (the WHATWG event-stream format) over a fetch body: yields each
 * dispatched event; comments and retry hints are skipped. Pure apart from reading the stream.
 */
export interface SseEvent {
  event: string;
  data: string;
  id?: string;
}

export async function* readSse(body: ReadableStream<Uint8Array>): AsyncGenerator<SseEvent> {
  const decoder = new TextDecoder();
  let buffer = '';
  let event = '';
  let data: string[] = [];
  let id: string | undefined;
  const reader = body.getReader();
  try {
    for (;;) {
      const { value, done } = await reader.read();
      buffer += done ? decoder.decode() : decoder.decode(value, { stream: true });
      const lines = buffer.split(/\r\n|\r|\n/);
      // The last piece is an incomplete line: kept for the next chunk, dropped at the end (as the
      // spec says, an event not terminated by a blank line before EOF is discarded).
      buffer = lines.pop()!;
      for (const line of lines) {
        if (line === '') {
          if (data.length > 0) yield { event: event || 'message', data: data.join('\n'), ...(id !== undefined ? { id } : {}) };
          event = '';
          data = [];
          continue;
        }
        if (line.startsWith(':')) continue;
        const colon = line.indexOf(':');
        const field = colon === -1 ? line : line.slice(0, colon);
        const raw = colon === -1 ? '' : line.slice(colon + 1);
        const val = raw.startsWith(' ') ? raw.slice(1) : raw;
        if (field === 'event') event = val;
        else if (field === 'data') data.push(val);
        else if (field === 'id') id = val;
      }
      if (done) return;
    }
  } finally {
    reader.releaseLock();
  }
}

/** Opens an event stream as the signed-in user; undefined when it cannot (the caller polls instead). */
export type OpenEventStream = (path: string, signal: AbortSignal) => Promise<ReadableStream<Uint8Array> | undefined>;

/**
 * An event-stream opener for a fixed access token (the harness and tests; the signed-in
 * backend can offer the same with its refreshing token).
 */
export function staticTokenEventStream(baseUrl: () => string, accessToken: string | undefined, doFetch: typeof fetch = fetch): OpenEventStream {
  return async (path, signal) => (accessToken === undefined ? undefined : openStreamWithToken(`${baseUrl()}${path}`, accessToken, signal, doFetch));
}

/** Opens `url` as Server-Sent Events with a bearer token; undefined when refused or unreachable. */
export async function openStreamWithToken(url: string, accessToken: string, signal: AbortSignal, doFetch: typeof fetch = fetch): Promise<ReadableStream<Uint8Array> | undefined> {
  try {
    const res = await doFetch(url, { headers: { authorization: `Bearer ${accessToken}`, accept: 'text/event-stream' }, signal, redirect: 'error' });
    if (!res.ok || !res.body || !(res.headers.get('content-type') ?? '').startsWith('text/event-stream')) {
      await res.body?.cancel();
      return undefined;
    }
    return res.body;
  } catch {
    return undefined;
  }
}
