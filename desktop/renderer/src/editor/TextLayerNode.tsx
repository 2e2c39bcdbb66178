import type Konva from 'konva';
import { memo, useMemo } from 'react';
import { Group, Rect, Text, TextPath } from 'react-konva';
import { rgba, type TextLayer } from './core/document.ts';
import { measureLayer, textAttrs } from './text-node-attrs.ts';

export interface TextLayerHandlers {
  onSelect(id: string): void;
  onEdit(id: string): void;
  onDragStart(e: Konva.KonvaEventObject<DragEvent>): void;
  onDragMove(e: Konva.KonvaEventObject<DragEvent>): void;
  onDragEnd(id: string, e: Konva.KonvaEventObject<DragEvent>): void;
  onTransformEnd(id: string, e: Konva.KonvaEventObject<Event>): void;
}

/** One text layer as Konva nodes: a group (position, rotation, opacity) with its box and text. */
export const TextLayerNode = memo(function TextLayerNode({ layer, editing, fontsVersion, handlers }: { layer: TextLayer; editing: boolean; fontsVersion: number; handlers: TextLayerHandlers }) {
  // fontsVersion re-measures once a font finishes loading.
  const measured = useMemo(() => measureLayer(layer), [layer, fontsVersion]);
  const attrs = textAttrs(layer);
  const pad = layer.box.padding;
  return (
    <Group
      id={layer.id}
      name="text-layer"
      x={layer.x}
      y={layer.y}
      rotation={layer.rotation}
      opacity={layer.opacity}
      visible={layer.visible && !editing}
      draggable={!layer.locked}
      listening={!layer.locked}
      onMouseDown={() => handlers.onSelect(layer.id)}
      onTap={() => handlers.onSelect(layer.id)}
      onDblClick={() => handlers.onEdit(layer.id)}
      onDblTap={() => handlers.onEdit(layer.id)}
      onDragStart={handlers.onDragStart}
      onDragMove={handlers.onDragMove}
      onDragEnd={(e) => handlers.onDragEnd(layer.id, e)}
      onTransformEnd={(e) => handlers.onTransformEnd(layer.id, e)}
    >
      {layer.box.enabled && (
        <Rect
          x={measured.box.x - pad}
          y={measured.box.y - pad}
          width={measured.box.width + pad * 2}
          height={measured.box.height + pad * 2}
          cornerRadius={layer.box.radius}
          fill={rgba(layer.box.color, layer.box.opacity)}
        />
      )}
      {measured.path === null ? (
        <Text {...attrs} width={layer.width} lineHeight={layer.lineHeight} />
      ) : (
        <TextPath {...attrs} data={measured.path} y={measured.pathY} />
      )}
      {/* An invisible hit area (the full wrap width for straight text), so short text is still easy to grab. */}
      {measured.path === null ? (
        <Rect width={layer.width} height={Math.max(measured.box.height, layer.fontSize)} y={measured.box.y} fill="transparent" />
      ) : (
        <Rect x={measured.box.x} y={measured.box.y} width={measured.box.width} height={measured.box.height} fill="transparent" />
      )}
    </Group>
  );
});
