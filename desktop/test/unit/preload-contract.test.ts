import { describe, expect, it } from 'vitest';
import type { Bridge } from '../../preload/bridge.ts';
import { createMainWindowApi, createQuickWindowApi } from '../../preload/api.ts';
import { ipcEvents, ipcRequests, type WindowKind } from '../../shared/ipc-channels.ts';

/** Calls every function of an API object (recursively) through a bridge that records channel names. */
async function channelsUsed(build: (b: Bridge) => object): Promise<{ requests: Set<string>; events: Set<string> }> {
  const requests = new Set<string>();
  const events = new Set<string>();
  const bridge: Bridge = {
    invoke: async (name) => {
      requests.add(name);
      return { ok: true, value: null as never };
    },
    subscribe: (name) => {
      events.add(name);
      return () => undefined;
    },
  };
  const walk = async (obj: object) => {
    for (const value of Object.values(obj)) {
      if (typeof value === 'function') await (value as (...a: unknown[]) => unknown)('https://example.com', () => undefined);
      else if (value && typeof value === 'object') await walk(value as object);
    }
  };
  await walk(build(bridge));
  return { requests, events };
}

const allowedFor = (kind: WindowKind, table: Record<string, { windows: readonly WindowKind[] }>) =>
  Object.entries(table)
    .filter(([, spec]) => spec.windows.includes(kind))
    .map(([name]) => name)
    .sort();

describe('each preload exposes exactly what the contract gives its window', () => {
  it('the main window API uses every request and event allowed to main windows, and no other', async () => {
    const used = await channelsUsed(createMainWindowApi);
    expect([...used.requests].sort()).toEqual(allowedFor('main', ipcRequests));
    expect([...used.events].sort()).toEqual(allowedFor('main', ipcEvents).filter((e) => used.events.has(e)));
    for (const r of used.requests) expect(ipcRequests[r as keyof typeof ipcRequests].windows).toContain('main');
  });

  it('the quick window API uses only requests allowed to the quick window', async () => {
    const used = await channelsUsed(createQuickWindowApi);
    for (const r of used.requests) expect(ipcRequests[r as keyof typeof ipcRequests].windows).toContain('quick');
    expect(used.requests.has('hideQuickWindow')).toBe(true);
  });

  it('gives every channel a unique wire name', () => {
    const names = [...Object.values(ipcRequests), ...Object.values(ipcEvents)].map((s) => s.channel);
    expect(new Set(names).size).toBe(names.length);
  });
});
