/**
 * Undo/redo over immutable document snapshots (the approach tldraw and Excalidraw take: history
 * lives on the data, not on Konva nodes). Consecutive commits with the same coalesce key — a
 * slider being dragged, text being typed — replace one another so one undo reverts the gesture.
 */
export interface History<T> {
  past: T[];
  present: T;
  future: T[];
  lastKey: string | null;
}

export const HISTORY_LIMIT = 200;

export const startHistory = <T>(present: T): History<T> => ({ past: [], present, future: [], lastKey: null });

export function commit<T>(h: History<T>, next: T, coalesceKey: string | null = null): History<T> {
  if (next === h.present) return h;
  if (coalesceKey !== null && coalesceKey === h.lastKey && h.past.length > 0) {
    return { past: h.past, present: next, future: [], lastKey: coalesceKey };
  }
  const past = [...h.past, h.present];
  if (past.length > HISTORY_LIMIT) past.shift();
  return { past, present: next, future: [], lastKey: coalesceKey };
}

export function undo<T>(h: History<T>): History<T> {
  const previous = h.past[h.past.length - 1];
  if (previous === undefined) return h;
  return { past: h.past.slice(0, -1), present: previous, future: [h.present, ...h.future], lastKey: null };
}

export function redo<T>(h: History<T>): History<T> {
  const [next, ...rest] = h.future;
  if (next === undefined) return h;
  return { past: [...h.past, h.present], present: next, future: rest, lastKey: null };
}

/** Ends coalescing so the next commit starts a new undo step (e.g. on slider release). */
export const seal = <T>(h: History<T>): History<T> => (h.lastKey === null ? h : { ...h, lastKey: null });
