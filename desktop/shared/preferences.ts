import { z } from 'zod';
import { checkBackendUrl, DEFAULT_BACKEND_URL } from '../main/backend-url.ts';

/**
 * The user's preferences, kept on this computer (electron-store in main). One schema is the
 * source of truth: main validates the file and every update with it, the renderer gets the
 * inferred types. Each key has its own default so a bad key can be repaired on its own.
 */
import { ASPECT_RATIOS, SAFETY_LEVELS, THEMES } from './choices.ts';

export { ASPECT_RATIOS, SAFETY_LEVELS, THEMES };

/** Electron accelerator syntax, e.g. "CommandOrControl+Shift+Space": modifiers then one key. */
const MODIFIER = '(?:CommandOrControl|CmdOrCtrl|Command|Cmd|Control|Ctrl|Alt|Option|AltGr|Shift|Super|Meta)';
const KEY = '(?:[A-Z0-9]|F(?:[1-9]|1[0-9]|2[0-4])|Space|Tab|Backspace|Delete|Insert|Return|Enter|Up|Down|Left|Right|Home|End|PageUp|PageDown|Escape|Esc|Plus|[`\\-=\\[\\]\\\\;\',./])';
export const ACCELERATOR_PATTERN = new RegExp(`^(?:${MODIFIER}\\+)+${KEY}$`);

export const DEFAULT_SHORTCUT = 'CommandOrControl+Shift+Space';

const optionalId = z.string().trim().min(1).max(120).nullable();

/** Per key: the schema and the default used when the key is missing or wrong. */
export const preferenceFields = {
  defaultModel: { schema: optionalId, default: null },
  aspectRatio: { schema: z.enum(ASPECT_RATIOS), default: '1:1' },
  safetyLevel: { schema: z.enum(SAFETY_LEVELS), default: 'balanced' },
  style: { schema: optionalId, default: null },
  /** Absolute folder for saved images; null means the OS's Pictures/PromptPixels. */
  galleryFolder: { schema: z.string().min(1).max(4096).nullable(), default: null },
  copyAfterQuickGenerate: { schema: z.boolean(), default: true },
  notifications: { schema: z.boolean(), default: true },
  shortcut: { schema: z.string().max(100).regex(ACCELERATOR_PATTERN, 'Use a key combination with at least one modifier, e.g. Ctrl+Shift+Space.'), default: DEFAULT_SHORTCUT },
  launchAtLogin: { schema: z.boolean(), default: false },
  startInTray: { schema: z.boolean(), default: false },
  theme: { schema: z.enum(THEMES), default: 'system' },
  backendUrl: {
    schema: z.string().max(2048).superRefine((url, ctx) => {
      const checked = checkBackendUrl(url);
      if (!checked.ok) ctx.addIssue({ code: 'custom', message: checked.reason });
    }),
    default: DEFAULT_BACKEND_URL,
  },
  /** Set once the user was told that closing the window keeps PromptPixels in the tray. */
  toldAboutTray: { schema: z.boolean(), default: false },
} as const;

type Fields = typeof preferenceFields;
export type PreferenceKey = keyof Fields;
export const PREFERENCE_KEYS = Object.keys(preferenceFields) as PreferenceKey[];

export const preferencesSchema = z
  .object(Object.fromEntries(PREFERENCE_KEYS.map((k) => [k, preferenceFields[k].schema])) as { [K in PreferenceKey]: Fields[K]['schema'] })
  .strict();

export type Preferences = z.infer<typeof preferencesSchema>;

export const DEFAULT_PREFERENCES: Preferences = Object.fromEntries(PREFERENCE_KEYS.map((k) => [k, preferenceFields[k].default])) as Preferences;

export interface PreferencesView {
  preferences: Preferences;
  /** A repair notice from loading, shown on the Preferences page; null when all was well. */
  notice: string | null;
}

/** What the renderer may change: any subset of keys, each validated like the file. */
export const preferencesUpdateSchema = preferencesSchema.partial().strict();
export type PreferencesUpdate = z.infer<typeof preferencesUpdateSchema>;

export const PREFERENCE_LABELS: Record<PreferenceKey, string> = {
  defaultModel: 'Default model',
  aspectRatio: 'Aspect ratio',
  safetyLevel: 'Safety level',
  style: 'Style',
  galleryFolder: 'Gallery folder',
  copyAfterQuickGenerate: 'Copy to clipboard after quick generate',
  notifications: 'Notifications',
  shortcut: 'Quick generate shortcut',
  launchAtLogin: 'Launch at login',
  startInTray: 'Start in the tray',
  theme: 'Theme',
  backendUrl: 'Backend URL',
  toldAboutTray: 'Tray notice',
};
