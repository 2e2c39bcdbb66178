import { describe, expect, it } from 'vitest';
import { readSse } from '../../main/generation/sse.ts';

const streamOf = (...chunks: string[]) =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      for (const c of chunks) controller.enqueue(new TextEncoder().encode(c));
      controller.close();
    },
  });

const all = async (body: ReadableStream<Uint8Array>) => {
  const out = [];
  for await (const e of readSse(body)) out.push(e);
  return out;
};

describe('reading Server-Sent Events', () => {
  it('yields named events with their data and id, across chunk boundaries', async () => {
    const events = await all(streamOf('retry: 2000\n\nid: 3\nevent: gener', 'ation\ndata: {"status":', '"queued"}\n\n: keep-alive\n\nevent: generation\r\ndata: a\r\ndata: b\r\n\r\n'));
    expect(events).toEqual([
      { event: 'generation', data: '{"status":"queued"}', id: '3' },
      { event: 'generation', data: 'a\nb', id: '3' },
    ]);
  });

  it('drops an event the stream ended before finishing', async () => {
    expect(await all(streamOf('event: generation\ndata: {"status":"running"}\n'))).toEqual([]);
  });
});
