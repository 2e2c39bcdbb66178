import '../studio/studio.css';
import { useEffect, useState } from 'react';
import { useGallery } from '../stores/gallery.ts';
import { ImageViewer } from './ImageViewer.tsx';

/** Every image made on this computer, newest first, searchable by prompt. */
export function GalleryPage() {
  const items = useGallery((s) => s.items);
  const query = useGallery((s) => s.query);
  const viewing = useGallery((s) => s.viewing);
  const error = useGallery((s) => s.error);
  const [typed, setTyped] = useState(query);

  useEffect(() => {
    void useGallery.getState().load();
  }, []);
  useEffect(() => {
    if (typed === useGallery.getState().query) return;
    const timer = setTimeout(() => useGallery.getState().setQuery(typed), 200);
    return () => clearTimeout(timer);
  }, [typed]);

  const current = items?.find((i) => i.id === viewing);
  return (
    <section className="page gallery">
      <div className="gallery-bar">
        <input type="search" className="search" aria-label="Search by prompt" placeholder="Search by prompt…" value={typed} onChange={(e) => setTyped(e.target.value)} />
        <span className="muted small">{items ? `${items.length} image${items.length === 1 ? '' : 's'}` : ''}</span>
      </div>
      {error && <p className="notice notice-error">{error.message}</p>}
      {items && items.length === 0 && (
        <p className="muted empty">{query ? `No images match “${query}”.` : 'No images yet. Images you generate are saved here, with their prompts and settings.'}</p>
      )}
      <ul className="gallery-grid" aria-label="Images">
        {items?.map((item) => (
          <li key={item.id}>
            <button type="button" className="gallery-tile" onClick={() => useGallery.setState({ viewing: item.id })} title={item.meta?.prompt ?? item.id}>
              <img src={item.url} alt={item.meta?.prompt ?? item.id} loading="lazy" />
              <span className="tile-caption">{item.meta?.prompt ?? item.id}</span>
            </button>
          </li>
        ))}
      </ul>
      {current && <ImageViewer item={current} items={items ?? []} />}
    </section>
  );
}
