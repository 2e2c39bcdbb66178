import type { CatalogTool, GenerationInput, JsonSchema } from '../../../shared/studio-types.ts';

/**
 * Turns a tool's JSON Schema (from the backend's catalog) into form fields, so new models and
 * themes need no app update. Pure: no React, no window.pp.
 */
export type FieldKind = 'prompt' | 'text' | 'choice' | 'integer' | 'number' | 'boolean';

export interface FieldSpec {
  name: string;
  label: string;
  description?: string;
  kind: FieldKind;
  required: boolean;
  options?: (string | number)[];
  optionLabels?: string[];
  min?: number;
  max?: number;
  maxLength?: number;
  default?: unknown;
}

/** Field names the studio lays out itself; every other property gets a generic control. */
export const STUDIO_FIELDS = {
  prompt: 'prompt',
  negativePrompt: 'negative_prompt',
  aspectRatio: 'aspect_ratio',
  count: ['num_images', 'count'],
  seed: 'seed',
  style: ['style', 'style_preset'],
  safety: ['safety_level', 'safety'],
} as const;

const humanize = (name: string) => {
  const words = name.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/** Unwraps `anyOf: [X, {type: "null"}]` (how zod's toJSONSchema writes optional/nullable). */
function unwrap(schema: JsonSchema): JsonSchema {
  const variants = schema.anyOf ?? schema.oneOf;
  if (!variants) return schema;
  const nonNull = variants.filter((v) => v.type !== 'null');
  // A union of consts is a choice.
  if (nonNull.length > 1 && nonNull.every((v) => v.const !== undefined)) {
    return { ...schema, enum: nonNull.map((v) => v.const as string | number), anyOf: undefined, oneOf: undefined };
  }
  return nonNull.length === 1 ? { ...nonNull[0], ...pick(schema) } : schema;
}
const pick = (s: JsonSchema): JsonSchema => ({
  ...(s.title ? { title: s.title } : {}),
  ...(s.description ? { description: s.description } : {}),
  ...(s.default !== undefined ? { default: s.default } : {}),
});

/** Option labels, as `x-labels` ({value: label}) or `x-enum-labels` ([label, …]). */
function labelsOf(s: JsonSchema): ((value: string | number, i: number) => string) | undefined {
  const map = s['x-labels'];
  if (map && typeof map === 'object' && !Array.isArray(map)) {
    const m = map as Record<string, unknown>;
    return (v) => (typeof m[String(v)] === 'string' ? (m[String(v)] as string) : String(v));
  }
  const list = s['x-enum-labels'];
  if (Array.isArray(list)) return (v, i) => (typeof list[i] === 'string' ? (list[i] as string) : String(v));
  return undefined;
}

const typeOf = (s: JsonSchema) => (Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type);

export function fieldOf(name: string, raw: JsonSchema, required: boolean): FieldSpec {
  const s = unwrap(raw);
  const base = {
    name,
    label: s.title ?? humanize(name),
    required,
    ...(s.description ? { description: s.description } : {}),
    ...(s.default !== undefined ? { default: s.default } : {}),
  };
  if (s.enum) {
    const labels = labelsOf(s);
    return { ...base, kind: 'choice', options: [...s.enum], ...(labels ? { optionLabels: s.enum.map((v, i) => labels(v, i)) } : {}) };
  }
  const type = typeOf(s);
  if (type === 'integer' || type === 'number') {
    return { ...base, kind: type, ...(s.minimum !== undefined ? { min: s.minimum } : {}), ...(s.maximum !== undefined ? { max: s.maximum } : {}) };
  }
  if (type === 'boolean') return { ...base, kind: 'boolean' };
  const isPrompt = name === STUDIO_FIELDS.prompt || name === STUDIO_FIELDS.negativePrompt || (s.maxLength ?? 0) > 200;
  return { ...base, kind: isPrompt ? 'prompt' : 'text', ...(s.maxLength !== undefined ? { maxLength: s.maxLength } : {}) };
}

/** Every property of the tool's parameter schema, in schema order. */
export function fieldsOf(schema: JsonSchema): FieldSpec[] {
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {}).map(([name, prop]) => fieldOf(name, prop, required.has(name)));
}

export const hasField = (tool: CatalogTool | undefined, name: string) => Boolean(tool?.params.properties?.[name]);
export const firstField = (tool: CatalogTool | undefined, names: readonly string[]) => names.find((n) => hasField(tool, n));

/**
 * The input to send: only the tool's own properties, without empty strings, values a choice
 * does not allow, or numbers outside the schema's range (the backend checks again).
 */
export function inputFor(tool: CatalogTool, values: GenerationInput): GenerationInput {
  const input: GenerationInput = {};
  for (const field of fieldsOf(tool.params)) {
    const value = values[field.name];
    if (value === undefined || value === null || value === '') continue;
    if (field.kind === 'choice' && !field.options?.includes(value as string | number)) continue;
    if ((field.kind === 'integer' || field.kind === 'number') && (typeof value !== 'number' || Number.isNaN(value))) continue;
    if (typeof value === 'number' && ((field.min !== undefined && value < field.min) || (field.max !== undefined && value > field.max))) continue;
    input[field.name] = typeof value === 'string' ? value.trim() : value;
  }
  return input;
}

/** Defaults from the schema, for fields the user has not set. */
export function defaultsOf(schema: JsonSchema): GenerationInput {
  const out: GenerationInput = {};
  for (const field of fieldsOf(schema)) if (field.default !== undefined) out[field.name] = field.default;
  return out;
}

/** True when the tool's required fields all have values. */
export function missingRequired(tool: CatalogTool, input: GenerationInput): string[] {
  return fieldsOf(tool.params)
    .filter((f) => f.required && (input[f.name] === undefined || input[f.name] === ''))
    .map((f) => f.label);
}

/**
 * The catalog's free-form price description as one short line. Recognises the shapes a price
 * table is likely to serve; the exact cost always comes from a quote.
 */
export function priceLabel(pricing: unknown): string | undefined {
  if (typeof pricing === 'string') return pricing;
  if (typeof pricing === 'number') return `${pricing} credits`;
  if (typeof pricing !== 'object' || pricing === null) return undefined;
  const p = pricing as Record<string, unknown>;
  for (const key of ['display', 'label', 'summary', 'description']) if (typeof p[key] === 'string') return p[key] as string;
  const perImage = p.credits_per_image ?? p.per_image ?? p.per_image_credits;
  if (typeof perImage === 'number') return `${perImage} credit${perImage === 1 ? '' : 's'} / image`;
  if (typeof p.credits === 'number') return `${p.credits} credits`;
  return undefined;
}

/** Whether a catalog tool is a themed generator (shown on the Themes page, not as a studio model). */
export function isThemeTool(tool: CatalogTool): boolean {
  return tool.group === 'theme' || /^themes?[-_./:]/.test(tool.id);
}
