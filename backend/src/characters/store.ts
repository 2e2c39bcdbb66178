import type { Db } from '../db/database.ts';
import { changeSignal } from '../db/change-signal.ts';
import { sql } from '../generation/statements.ts';

export const CHARACTER_TYPES = ['person', 'pet', 'product', 'style'] as const;
export type CharacterType = (typeof CHARACTER_TYPES)[number];
export type CharacterStatus = 'training' | 'ready' | 'failed';

export interface CharacterRow {
  id: string;
  user_id: string;
  name: string;
  type: CharacterType;
  status: CharacterStatus;
  trigger_word: string;
  photo_count: number;
  endpoint: string;
  hold_id: string;
  cost: number;
  charged: number | null;
  fal_request_id: string | null;
  photos_url: string | null;
  photos_expire_at: number | null;
  weights_url: string | null;
  progress: number | null;
  running_since: number | null;
  error_code: string | null;
  error_message: string | null;
  version: number;
  claimed_by: string | null;
  claim_expires_at: number | null;
  next_poll_at: number;
  poll_failures: number;
  created_at: number;
  updated_at: number;
  finished_at: number | null;
}

/** API.md's character object. The trigger word and weights stay server-side. */
export interface CharacterView {
  id: string;
  name: string;
  type: CharacterType;
  status: CharacterStatus;
  cost: number;
  photo_count: number;
  progress?: number;
  eta_s?: number;
  error?: { code: string; message: string };
  created_at: string;
  finished_at?: string;
}

/** A typical fast LoRA training on fal; the first estimate before the trainer reports progress. */
export const TYPICAL_TRAINING_S = 300;

/** Seconds left: extrapolated from the progress so far, or the typical duration before any. */
export function etaSeconds(row: CharacterRow, now: number): number {
  const progress = row.progress ?? 0;
  if (row.running_since === null || progress <= 0) return Math.max(1, Math.round((row.created_at + TYPICAL_TRAINING_S * 1000 - now) / 1000));
  const elapsed = Math.max(0, now - row.running_since);
  return Math.max(1, Math.round((elapsed * (100 - progress)) / progress / 1000));
}

export function toCharacterView(row: CharacterRow, now: number): CharacterView {
  const view: CharacterView = {
    id: row.id,
    name: row.name,
    type: row.type,
    status: row.status,
    // Held while training; what was charged once it ended (0 when it failed).
    cost: row.status === 'training' ? row.cost : (row.charged ?? 0),
    photo_count: row.photo_count,
    created_at: new Date(row.created_at).toISOString(),
  };
  if (row.status === 'training') {
    view.progress = row.progress ?? 0;
    view.eta_s = etaSeconds(row, now);
  }
  if (row.error_code) view.error = { code: row.error_code, message: row.error_message ?? '' };
  if (row.finished_at !== null) view.finished_at = new Date(row.finished_at).toISOString();
  return view;
}

export function findCharacter(db: Db, id: string): CharacterRow | undefined {
  return sql(db, 'SELECT * FROM characters WHERE id = ?').get(id) as CharacterRow | undefined;
}

/** The owner's character, or undefined: another user's id looks exactly like an unknown one. */
export function findOwnCharacter(db: Db, userId: string, id: string): CharacterRow | undefined {
  return sql(db, 'SELECT * FROM characters WHERE id = ? AND user_id = ?').get(id, userId) as CharacterRow | undefined;
}

export function listOwnCharacters(db: Db, userId: string): CharacterRow[] {
  return sql(db, 'SELECT * FROM characters WHERE user_id = ? ORDER BY created_at DESC, id').all(userId) as CharacterRow[];
}

/** Signals a training's change, for anything that waits on it. */
export const characterChanges = changeSignal();
