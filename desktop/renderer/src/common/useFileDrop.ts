import { useState, type DragEvent } from 'react';

/**
 * Drag-and-drop of files onto an area: `dragging` while files hover (for the highlight), and
 * the props to spread on the drop target. Only file drags count, and moving over the area's
 * own children does not end the highlight.
 */
export function useFileDrop(onFiles: (files: File[]) => void) {
  const [dragging, setDragging] = useState(false);
  const dropProps = {
    onDragOver: (e: DragEvent) => {
      if (!e.dataTransfer.types.includes('Files')) return;
      e.preventDefault();
      setDragging(true);
    },
    onDragLeave: (e: DragEvent) => {
      if (e.currentTarget === e.target) setDragging(false);
    },
    onDrop: (e: DragEvent) => {
      e.preventDefault();
      setDragging(false);
      onFiles([...e.dataTransfer.files]);
    },
  };
  return { dragging, dropProps };
}
