// Compiled by `npm run typecheck` (tsc), never executed: if the renderer's view of window.pp
// drifted from what the preload exposes, or a call's payload/result stopped matching the
// contract, this file would no longer compile.
import type { MainWindowApi, QuickWindowApi } from '../../renderer/src/common/pp.ts';
import { mainApi, quickApi } from '../../renderer/src/common/pp.ts';
import type { createMainWindowApi, createQuickWindowApi } from '../../preload/api.ts';
import type { IpcResults } from '../../shared/ipc-types.ts';
import type { IpcResult } from '../../shared/result.ts';

type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Assert<T extends true> = T;

export type RendererSeesMainPreload = Assert<Equals<MainWindowApi, ReturnType<typeof createMainWindowApi>>>;
export type RendererSeesQuickPreload = Assert<Equals<QuickWindowApi, ReturnType<typeof createQuickWindowApi>>>;
export type MainAccessorIsTyped = Assert<Equals<ReturnType<typeof mainApi>, ReturnType<typeof createMainWindowApi>>>;
export type StatusResultMatchesContract = Assert<
  Equals<Awaited<ReturnType<MainWindowApi['backend']['getStatus']>>, IpcResult<IpcResults['getBackendStatus']>>
>;

export function misuseDoesNotCompile(api: MainWindowApi, quick: QuickWindowApi): void {
  // @ts-expect-error openExternal takes a URL string
  void api.shell.openExternal(42);
  // @ts-expect-error the main window cannot hide the quick window
  void api.windows;
  // @ts-expect-error the quick window has no shell access
  void quick.shell;
}
