/**
 * Fixed choices shared by main and the renderer, kept free of zod so the renderer bundles
 * (the quick window above all) do not carry the schema library for a few constant lists.
 */
export const ASPECT_RATIOS = ['1:1', '4:3', '3:4', '3:2', '2:3', '16:9', '9:16', '21:9'] as const;
export const SAFETY_LEVELS = ['strict', 'balanced', 'relaxed'] as const;
export const THEMES = ['system', 'light', 'dark'] as const;

/** Most images one quick generation may ask for. */
export const MAX_QUICK_COUNT = 4;

/** Where a one-click fix (or a tray entry) takes the main window. */
export const MAIN_DESTINATIONS = ['studio', 'gallery', 'credits', 'account', 'preferences', 'characters'] as const;
