import type Konva from 'konva';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { Image as KImage, Layer, Line, Stage, Transformer } from 'react-konva';
import { fitScale, snapBox, type Box } from './core/layout.ts';
import { registerTextLayer } from './export-image.ts';
import { InlineTextEditor } from './InlineTextEditor.tsx';
import { selectDocument, useEditor } from './store.ts';
import { TextLayerNode, type TextLayerHandlers } from './TextLayerNode.tsx';

const SNAP_SCREEN_PX = 6;

/** The Konva view of the document: photo, text layers, selection handles and snapping guides. */
export function EditorCanvas({ onScale }: { onScale: (scale: number) => void }) {
  const doc = useEditor(selectDocument)!;
  const image = useEditor((s) => s.image)!;
  const selectedId = useEditor((s) => s.selectedId);
  const editingId = useEditor((s) => s.editingId);
  const fontsVersion = useEditor((s) => s.fontsVersion);
  const wrapRef = useRef<HTMLDivElement>(null);
  // Unknown until measured: drawing a 24-megapixel photo at a guessed size first would waste a frame.
  const [viewport, setViewport] = useState<{ width: number; height: number } | null>(null);
  const transformerRef = useRef<Konva.Transformer>(null);
  const guideX = useRef<Konva.Line>(null);
  const guideY = useRef<Konva.Line>(null);
  const othersRef = useRef<Box[]>([]);

  useLayoutEffect(() => {
    const el = wrapRef.current!;
    const measure = () => setViewport({ width: el.clientWidth, height: el.clientHeight });
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  const scale = viewport ? fitScale(doc.image, viewport) : 0;
  useEffect(() => {
    if (scale > 0) onScale(scale);
  }, [scale, onScale]);
  const stageW = Math.round(doc.image.width * scale);
  const stageH = Math.round(doc.image.height * scale);

  const selected = doc.layers.find((l) => l.id === selectedId);
  useEffect(() => {
    const tr = transformerRef.current;
    if (!tr) return;
    const node = selected && !selected.locked && selected.visible && editingId !== selected.id ? tr.getStage()?.findOne(`#${selected.id}`) : undefined;
    tr.nodes(node ? [node] : []);
    tr.getLayer()?.batchDraw();
  }, [selected, editingId, fontsVersion]);

  const showGuides = useCallback((vertical: number[], horizontal: number[]) => {
    const gx = guideX.current;
    const gy = guideY.current;
    if (!gx || !gy) return;
    gx.visible(vertical.length > 0);
    gy.visible(horizontal.length > 0);
    if (vertical[0] !== undefined) gx.points([vertical[0], 0, vertical[0], doc.image.height]);
    if (horizontal[0] !== undefined) gy.points([0, horizontal[0], doc.image.width, horizontal[0]]);
  }, [doc.image.width, doc.image.height]);

  const handlers = useMemo<TextLayerHandlers>(() => {
    const rectOf = (node: Konva.Node) => node.getClientRect({ relativeTo: node.getLayer() ?? undefined, skipShadow: true });
    return {
      onSelect: (id) => useEditor.getState().select(id),
      onEdit: (id) => useEditor.getState().edit(id),
      onDragStart: (e) => {
        const moving = e.target;
        const layer = moving.getLayer();
        othersRef.current = (layer?.find('.text-layer') ?? []).filter((n) => n !== moving && n.visible()).map(rectOf);
      },
      onDragMove: (e) => {
        const node = e.target;
        const { image: img } = useEditor.getState().history!.present;
        const threshold = SNAP_SCREEN_PX / (node.getStage()?.scaleX() ?? 1);
        const snap = snapBox(rectOf(node), img, othersRef.current, threshold);
        if (snap.dx !== 0 || snap.dy !== 0) node.position({ x: node.x() + snap.dx, y: node.y() + snap.dy });
        showGuides(snap.guides.vertical, snap.guides.horizontal);
      },
      onDragEnd: (id, e) => {
        showGuides([], []);
        useEditor.getState().update(id, { x: Math.round(e.target.x()), y: Math.round(e.target.y()) });
      },
      onTransformEnd: (id, e) => {
        const node = e.target;
        const layer = useEditor.getState().history?.present.layers.find((l) => l.id === id);
        if (!layer) return;
        const sx = node.scaleX();
        const sy = node.scaleY();
        node.scale({ x: 1, y: 1 });
        // Side handles change the wrap width; corner handles scale the type and its effects.
        const k = Math.abs(sy - 1) < 1e-3 ? 1 : sy;
        const r = (v: number) => Math.round(v * k * 100) / 100;
        useEditor.getState().update(id, {
          x: Math.round(node.x()),
          y: Math.round(node.y()),
          rotation: Math.round(node.rotation() * 100) / 100,
          width: Math.max(1, Math.round(layer.width * sx)),
          fontSize: Math.max(1, r(layer.fontSize)),
          letterSpacing: r(layer.letterSpacing),
          outline: { ...layer.outline, width: r(layer.outline.width) },
          shadow: { ...layer.shadow, blur: r(layer.shadow.blur), offsetX: r(layer.shadow.offsetX), offsetY: r(layer.shadow.offsetY) },
          box: { ...layer.box, padding: r(layer.box.padding), radius: r(layer.box.radius) },
        });
      },
    };
  }, [showGuides]);

  const onStageMouseDown = (e: Konva.KonvaEventObject<MouseEvent>) => {
    const target = e.target;
    if (target === target.getStage() || target.getLayer()?.name() === 'photo') useEditor.getState().select(null);
  };

  return (
    <div className="editor-canvas" ref={wrapRef}>
      {scale > 0 && (
        <div className="editor-stage" style={{ width: stageW, height: stageH }} data-scale={scale}>
          <Stage width={stageW} height={stageH} scaleX={scale} scaleY={scale} onMouseDown={onStageMouseDown} aria-label="Image canvas">
            <Layer name="photo" listening={false}>
              <KImage image={image.bitmap} width={doc.image.width} height={doc.image.height} />
            </Layer>
            <Layer name="text" ref={registerTextLayer}>
              {doc.layers.map((l) => (
                <TextLayerNode key={l.id} layer={l} editing={editingId === l.id} fontsVersion={fontsVersion} handlers={handlers} />
              ))}
            </Layer>
            <Layer name="overlay">
              <Line ref={guideX} stroke="#ff3da5" strokeWidth={1 / scale} dash={[4 / scale, 4 / scale]} visible={false} listening={false} />
              <Line ref={guideY} stroke="#ff3da5" strokeWidth={1 / scale} dash={[4 / scale, 4 / scale]} visible={false} listening={false} />
              <Transformer
                ref={transformerRef}
                rotationSnaps={[0, 90, 180, 270]}
                enabledAnchors={['top-left', 'top-right', 'bottom-left', 'bottom-right', 'middle-left', 'middle-right']}
                keepRatio
                anchorSize={9}
                anchorCornerRadius={2}
                borderStroke="#6d4aff"
                anchorStroke="#6d4aff"
                boundBoxFunc={(oldBox, newBox) => (Math.abs(newBox.width) < 8 || Math.abs(newBox.height) < 8 ? oldBox : newBox)}
              />
            </Layer>
          </Stage>
          {editingId && <InlineTextEditor id={editingId} scale={scale} />}
        </div>
      )}
    </div>
  );
}
