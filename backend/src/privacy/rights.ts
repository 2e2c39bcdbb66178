import type { Db } from '../db/database.ts';
import { personalDataSources } from './personal-data.ts';

export const EXPORT_FORMAT_VERSION = 1;

/** Everything held about the user, machine-readable (the right of access and portability). */
export function exportPersonalData(db: Db, userId: string, now: number) {
  const sections: Record<string, unknown> = {};
  for (const source of personalDataSources) sections[source.name] = source.export(db, userId);
  return {
    format: 'promptpixels-personal-data',
    format_version: EXPORT_FORMAT_VERSION,
    exported_at: new Date(now).toISOString(),
    user_id: userId,
    ...sections,
    not_held: {
      generated_images: 'Never stored by the service: they are delivered to your computer and kept only there.',
      uploaded_images: 'Deleted after processing.',
    },
  };
}

/**
 * Erasure: every source deletes or unlinks its rows, then the users row goes (cascading to
 * sessions). Ledger rows remain for tax law with no link to the person. One transaction: an
 * erasure never half-happens.
 */
export function eraseAccount(db: Db, userId: string, now: number): boolean {
  return db.transaction(() => {
    const exists = db.prepare('SELECT 1 FROM users WHERE id = ?').get(userId);
    if (!exists) return false;
    for (const source of personalDataSources) source.erase(db, userId, now);
    db.prepare('DELETE FROM users WHERE id = ?').run(userId);
    return true;
  }).immediate();
}
