import { PassThrough } from 'node:stream';
import type { Context } from 'koa';
import type { AppDeps } from '../app.ts';
import { findGeneration, generationChanges, isFinished, markDelivered, toView } from './store.ts';

/** Changes made by another backend instance are noticed by re-reading the row this often. */
const RECHECK_MS = 500;
const HEARTBEAT_MS = 15_000;

/**
 * GET /v1/generations/:id/events: Server-Sent Events, one `generation` event with the full
 * object whenever it changes (queue position, logs, progress, status), ending after the
 * final state. Works across instances: the database row is the source of truth.
 */
export function streamGenerationEvents(ctx: Context, deps: AppDeps, id: string): void {
  const stream = new PassThrough();
  ctx.status = 200;
  ctx.type = 'text/event-stream';
  ctx.set('Cache-Control', 'no-store');
  ctx.set('X-Accel-Buffering', 'no');
  ctx.req.socket.setNoDelay(true);
  ctx.req.socket.setTimeout(0);
  ctx.body = stream;

  let lastVersion = -1;
  let closed = false;
  const changes = generationChanges(deps.db);
  const send = () => {
    if (closed) return;
    const row = findGeneration(deps.db, id);
    if (!row || row.version === lastVersion) return;
    lastVersion = row.version;
    const now = deps.now();
    stream.write(`id: ${row.version}\nevent: generation\ndata: ${JSON.stringify(toView(row, now))}\n\n`);
    markDelivered(deps.db, row, now);
    if (isFinished(row.status)) close();
  };
  const onChange = (changed: string) => {
    if (changed === id) send();
  };
  const recheck = setInterval(send, RECHECK_MS);
  const heartbeat = setInterval(() => stream.write(': keep-alive\n\n'), HEARTBEAT_MS);
  function close() {
    if (closed) return;
    closed = true;
    clearInterval(recheck);
    clearInterval(heartbeat);
    changes.off('change', onChange);
    stream.end();
  }
  changes.on('change', onChange);
  // The response's close fires when the client goes away (the request's can fire earlier).
  ctx.res.on('close', close);
  stream.write('retry: 2000\n\n');
  send();
}
