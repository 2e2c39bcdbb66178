import { useEffect } from 'react';
import type { GalleryItem } from '../../../shared/studio-types.ts';
import { useGallery } from '../stores/gallery.ts';

/** A small dialog to take an image from the gallery (Esc or a click outside closes it). */
export function GalleryPicker({ onPick, onClose }: { onPick: (item: GalleryItem) => void; onClose: () => void }) {
  const items = useGallery((s) => s.items);
  useEffect(() => {
    void useGallery.getState().load();
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    <div className="viewer-backdrop" onClick={(e) => e.target === e.currentTarget && onClose()}>
      <div className="picker" role="dialog" aria-modal="true" aria-label="Pick from the gallery">
        <header className="picker-head">
          <h2>Pick from the gallery</h2>
          <button type="button" className="icon-button" aria-label="Close" onClick={onClose}>
            ×
          </button>
        </header>
        {items === undefined ? (
          <p className="muted">Loading…</p>
        ) : items.length === 0 ? (
          <p className="muted">Your gallery is empty. Images you make appear here.</p>
        ) : (
          <div className="picker-grid">
            {items.map((item) => (
              <button key={item.id} type="button" className="picker-item" onClick={() => onPick(item)} aria-label={item.meta?.prompt ?? item.id}>
                <img src={item.url} alt="" loading="lazy" decoding="async" />
              </button>
            ))}
          </div>
        )}
      </div>
    </div>
  );
}
