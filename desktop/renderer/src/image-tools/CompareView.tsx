import { useEffect, useRef, useState } from 'react';

const ZOOMS = [1, 1.5, 2, 3, 4, 6, 8];

/**
 * Before and after on top of each other, split by a slider (drag, or ←/→ on the handle), with
 * zoom (buttons, Ctrl + wheel, or +/−) to inspect detail; zoomed in, the view scrolls.
 */
export function CompareView({ before, after, checkerboard }: { before: string; after: string; checkerboard: boolean }) {
  const [split, setSplit] = useState(50);
  const [zoom, setZoom] = useState(0);
  const frame = useRef<HTMLDivElement>(null);
  const scale = ZOOMS[zoom]!;

  useEffect(() => {
    const el = frame.current;
    if (!el) return;
    const onWheel = (e: WheelEvent) => {
      if (!e.ctrlKey && !e.metaKey) return;
      e.preventDefault();
      setZoom((z) => Math.max(0, Math.min(ZOOMS.length - 1, z + (e.deltaY < 0 ? 1 : -1))));
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, []);

  const onKey = (e: React.KeyboardEvent) => {
    if (e.key === '+' || e.key === '=') setZoom((z) => Math.min(ZOOMS.length - 1, z + 1));
    else if (e.key === '-') setZoom((z) => Math.max(0, z - 1));
    else if (e.key === '0') setZoom(0);
  };

  return (
    <div className="compare" onKeyDown={onKey}>
      <div className="compare-frame" ref={frame} aria-label="Before and after" role="group">
        <div className={`compare-stage${checkerboard ? ' checkerboard' : ''}`} style={{ width: `${scale * 100}%`, height: `${scale * 100}%` }}>
          {/* Each side clipped to its half, so a transparent result shows the checkerboard, not the original. */}
          <img className="compare-img" src={before} alt="Before" draggable={false} style={{ clipPath: `inset(0 ${100 - split}% 0 0)` }} />
          <img className="compare-img compare-after" src={after} alt="After" draggable={false} style={{ clipPath: `inset(0 0 0 ${split}%)` }} />
          <div className="compare-divider" style={{ left: `${split}%` }} aria-hidden="true" />
        </div>
      </div>
      <div className="compare-controls">
        <span className="muted">Before</span>
        <input type="range" min={0} max={100} step={1} value={split} aria-label="Compare before and after" onChange={(e) => setSplit(Number(e.target.value))} />
        <span className="muted">After</span>
        <div className="compare-zoom" role="group" aria-label="Zoom">
          <button type="button" className="icon-button" aria-label="Zoom out" disabled={zoom === 0} onClick={() => setZoom((z) => Math.max(0, z - 1))}>
            −
          </button>
          <output aria-label="Zoom level">{Math.round(scale * 100)}%</output>
          <button type="button" className="icon-button" aria-label="Zoom in" disabled={zoom === ZOOMS.length - 1} onClick={() => setZoom((z) => Math.min(ZOOMS.length - 1, z + 1))}>
            +
          </button>
        </div>
      </div>
    </div>
  );
}
