/** Display names for the tools that spend credits (ids as the backend records them). */
const TOOL_NAMES: Record<string, string> = {
  'image-studio': 'Image Studio',
  'text-to-image': 'Image Studio',
  upscale: 'Upscale',
  'remove-background': 'Remove background',
  'edit-image': 'Edit with words',
  enhance: 'Enhance',
  'character-training': 'Character training',
  avatars: 'Avatars',
  themes: 'Themes',
  other: 'Other',
};

export const toolName = (tool: string) =>
  TOOL_NAMES[tool] ?? tool.replace(/[-_]+/g, ' ').replace(/^\w/, (c) => c.toUpperCase());

/** Distinct, theme-friendly colours for chart series, in order. */
export const SERIES_COLORS = ['#6d4aff', '#16a3a3', '#e0892b', '#d14d8b', '#4a8fe0', '#7aa63a', '#9a7b58'];

const KIND_LABELS: Record<string, string> = {
  purchase: 'Purchase',
  usage: 'Usage',
  refund: 'Refund',
  signup: 'Welcome grant',
  promo: 'Promotion',
  admin_grant: 'Grant',
  admin_debit: 'Correction',
};
export const kindLabel = (kind: string) => KIND_LABELS[kind] ?? kind;
