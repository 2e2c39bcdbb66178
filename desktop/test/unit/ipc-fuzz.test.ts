import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createIpcDispatcher, type IpcHandlers, type IpcSender } from '../../main/ipc-dispatcher.ts';
import { ipcRequests, type IpcRequestName } from '../../shared/ipc-channels.ts';
import { ipcPayloadSchemas } from '../../shared/ipc-schemas.ts';

// Hostile payloads against every channel of the contract: the dispatcher never throws, refuses
// what the schema refuses, and a handler only ever sees payloads its schema accepts.
const names = Object.keys(ipcRequests) as IpcRequestName[];
const seen: Array<{ name: IpcRequestName; payload: unknown }> = [];
const handlers = Object.fromEntries(
  names.map((name) => [
    name,
    (payload: unknown) => {
      seen.push({ name, payload });
      return null;
    },
  ]),
) as unknown as IpcHandlers;
const dispatch = createIpcDispatcher(handlers, { isAppUrl: (u) => u.startsWith('file:///app/') });
const senderFor = (name: IpcRequestName): IpcSender => ({ frameUrl: 'file:///app/index.html', isTopFrame: true, windowKind: ipcRequests[name].windows[0] });

const hostile = fc.oneof(
  fc.anything({ withBigInt: false, withObjectString: true, withNullPrototype: true, withTypedArray: true, withBoxedValues: true }),
  fc.constantFrom({ __proto__: { polluted: true } }, JSON.parse('{"__proto__":{"polluted":true}}'), { constructor: { prototype: { x: 1 } } }, 'x'.repeat(100_000), new Uint8Array(16)),
);

describe('IPC payload fuzzing against the contract', () => {
  it('every channel answers a value for any payload and passes handlers only valid ones', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...names), hostile, async (name, payload) => {
        seen.length = 0;
        const res = await dispatch(name, payload, senderFor(name));
        expect(typeof res.ok).toBe('boolean');
        if (!res.ok) {
          expect(['invalid_payload', 'forbidden_sender']).toContain(res.error.code);
          expect(seen).toEqual([]);
        } else {
          expect(seen).toHaveLength(1);
          expect(ipcPayloadSchemas[name].safeParse(seen[0]!.payload).success).toBe(true);
        }
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { numRuns: 1500 },
    );
  });

  it('unknown channel names, including prototype keys, never reach a handler', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor', 'hasOwnProperty', 'toString')), async (name) => {
        fc.pre(!names.includes(name as IpcRequestName));
        seen.length = 0;
        const res = await dispatch(name, undefined, { frameUrl: 'file:///app/index.html', isTopFrame: true, windowKind: 'main' });
        expect(res).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
        expect(seen).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
