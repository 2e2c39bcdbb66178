import type { EditorImage, LayerPatch } from './document.ts';

/** One-click styles; each is a patch sized for the image so it looks right on any photo. */
export const STYLE_PRESETS = [
  {
    id: 'meme',
    label: 'Meme',
    patch: (img: EditorImage): LayerPatch => {
      const fontSize = Math.round(Math.min(img.width, img.height) / 8);
      return {
        fontFamily: 'Bebas Neue', fontSize, fontWeight: 400, italic: false, color: '#ffffff', colorOpacity: 1, align: 'center',
        text: 'TOP TEXT', x: Math.round(img.width * 0.05), y: Math.round(img.height * 0.04), width: Math.round(img.width * 0.9),
        letterSpacing: 1, lineHeight: 1.05, arc: 0, rotation: 0,
        outline: { enabled: true, color: '#000000', width: Math.max(2, Math.round(fontSize / 14)) },
        shadow: { enabled: false, color: '#000000', opacity: 0.6, blur: 0, offsetX: 0, offsetY: 0 },
        box: { enabled: false, color: '#000000', opacity: 0.6, padding: 0, radius: 0 },
      };
    },
  },
  {
    id: 'caption-bar',
    label: 'Caption bar',
    patch: (img: EditorImage): LayerPatch => {
      const fontSize = Math.round(Math.min(img.width, img.height) / 20);
      const padding = Math.round(fontSize * 0.6);
      return {
        fontFamily: 'Inter', fontSize, fontWeight: 400, italic: false, color: '#ffffff', colorOpacity: 1, align: 'center',
        x: padding, y: Math.round(img.height - fontSize * 1.3 - padding * 3), width: img.width - padding * 2, letterSpacing: 0, lineHeight: 1.3, arc: 0, rotation: 0,
        outline: { enabled: false, color: '#000000', width: 0 },
        shadow: { enabled: false, color: '#000000', opacity: 0.5, blur: 0, offsetX: 0, offsetY: 0 },
        box: { enabled: true, color: '#000000', opacity: 0.65, padding, radius: 0 },
      };
    },
  },
  {
    id: 'watermark',
    label: 'Watermark',
    patch: (img: EditorImage): LayerPatch => {
      const fontSize = Math.round(Math.min(img.width, img.height) / 28);
      const width = Math.round(img.width * 0.4);
      return {
        fontFamily: 'Inter', fontSize, fontWeight: 700, italic: false, color: '#ffffff', colorOpacity: 0.55, align: 'right',
        text: '© Your name', x: img.width - width - fontSize, y: img.height - fontSize * 2.2, width, letterSpacing: 0, lineHeight: 1.2, arc: 0, rotation: 0,
        outline: { enabled: false, color: '#000000', width: 0 },
        shadow: { enabled: true, color: '#000000', opacity: 0.4, blur: Math.round(fontSize / 4), offsetX: 0, offsetY: Math.round(fontSize / 12) },
        box: { enabled: false, color: '#000000', opacity: 0.5, padding: 0, radius: 0 },
      };
    },
  },
  {
    id: 'quote-card',
    label: 'Quote card',
    patch: (img: EditorImage): LayerPatch => {
      const fontSize = Math.round(Math.min(img.width, img.height) / 14);
      const width = Math.round(img.width * 0.7);
      return {
        fontFamily: 'Playfair Display', fontSize, fontWeight: 400, italic: true, color: '#1b1830', colorOpacity: 1, align: 'center',
        text: '“Make it simple,\nbut significant.”', x: Math.round((img.width - width) / 2), y: Math.round(img.height / 2 - fontSize * 1.2), width,
        letterSpacing: 0, lineHeight: 1.25, arc: 0, rotation: 0,
        outline: { enabled: false, color: '#000000', width: 0 },
        shadow: { enabled: false, color: '#000000', opacity: 0.4, blur: 0, offsetX: 0, offsetY: 0 },
        box: { enabled: true, color: '#ffffff', opacity: 0.88, padding: Math.round(fontSize * 0.8), radius: Math.round(fontSize / 3) },
      };
    },
  },
] as const satisfies readonly { id: string; label: string; patch: (img: EditorImage) => LayerPatch }[];

export type StylePresetId = (typeof STYLE_PRESETS)[number]['id'];
