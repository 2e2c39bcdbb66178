import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { ipcEvents, ipcRequests, type IpcEventName, type WindowKind } from '../shared/ipc-channels.ts';
import type { IpcEventPayloads } from '../shared/ipc-types.ts';
import type { IpcDispatch } from './ipc-dispatcher.ts';

/** Registers one ipcMain handler per contract channel, all through the checked dispatcher. */
export function registerIpc(dispatch: IpcDispatch, windowKinds: Map<number, WindowKind>): void {
  for (const [name, spec] of Object.entries(ipcRequests)) {
    ipcMain.handle(spec.channel, (event: IpcMainInvokeEvent, payload: unknown) =>
      dispatch(name, payload, {
        frameUrl: event.senderFrame?.url ?? '',
        isTopFrame: event.senderFrame?.parent === null,
        windowKind: windowKinds.get(event.sender.id),
      }),
    );
  }
}

/** Pushes an event to every window whose kind the contract allows. */
export function sendEvent<E extends IpcEventName>(
  windows: Iterable<{ contents: WebContents; kind: WindowKind }>,
  name: E,
  payload: IpcEventPayloads[E],
): void {
  const allowed: readonly WindowKind[] = ipcEvents[name].windows;
  for (const { contents, kind } of windows) {
    if (!contents.isDestroyed() && allowed.includes(kind)) contents.send(ipcEvents[name].channel, payload);
  }
}
