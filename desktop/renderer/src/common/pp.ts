import type { MainWindowApi, QuickWindowApi } from '../../../preload/api.ts';

/**
 * The preload's API as each window sees it. The types come from the preload's own factories,
 * so a change there is a compile error here rather than a runtime surprise.
 */
export type { MainWindowApi, QuickWindowApi };

export const mainApi = (): MainWindowApi => (window as unknown as { pp: MainWindowApi }).pp;
export const quickApi = (): QuickWindowApi => (window as unknown as { pp: QuickWindowApi }).pp;
