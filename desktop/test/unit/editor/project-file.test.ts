import { strToU8, unzipSync, zipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { defaultTextLayer } from '../../../renderer/src/editor/core/document.ts';
import { decodeProject, encodeProject, type ProjectContents } from '../../../renderer/src/editor/core/project-file.ts';

const image = { name: 'photo.png', width: 640, height: 480 };
const contents: ProjectContents = {
  document: { image, layers: [defaultTextLayer(image, 'a', 1), { ...defaultTextLayer(image, 'b', 2), text: 'two\nlines', arc: 120 }] },
  image: { bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]), type: 'image/png' },
  fonts: [{ family: 'My Font', bytes: new Uint8Array([0, 1, 0, 0, 9]) }],
};
const rezip = (edit: (manifest: Record<string, unknown>) => void) => {
  const files = unzipSync(encodeProject(contents));
  const manifest = JSON.parse(strFromU8(files['project.json']!));
  edit(manifest);
  files['project.json'] = strToU8(JSON.stringify(manifest));
  return zipSync(files);
};

describe('the Add Text project file', () => {
  it('round-trips the document, the original image bytes and loaded fonts', () => {
    const decoded = decodeProject(encodeProject(contents));
    expect(decoded).toEqual({ ok: true, project: contents });
  });

  it('refuses a file that is not a zip', () => {
    expect(decodeProject(strToU8('hello'))).toMatchObject({ ok: false, message: expect.stringContaining('not an Add Text project') });
  });

  it('refuses a hand-edited layer with a clear reason', () => {
    const bad = rezip((m) => ((m.layers as Record<string, unknown>[])[0]!.fontSize = -3));
    expect(decodeProject(bad)).toMatchObject({ ok: false, message: expect.stringContaining('layers.0.fontSize') });
  });

  it('refuses a newer format version and asks for an update', () => {
    const bad = rezip((m) => (m.version = 7));
    expect(decodeProject(bad)).toMatchObject({ ok: false, message: expect.stringContaining('newer PromptPixels') });
  });

  it('refuses a file whose image is missing or whose layers share an id', () => {
    const files = unzipSync(encodeProject(contents));
    delete files['image/original.png'];
    expect(decodeProject(zipSync(files))).toMatchObject({ ok: false, message: expect.stringContaining('missing its image') });
    const dup = rezip((m) => ((m.layers as Record<string, unknown>[])[1]!.id = 'a'));
    expect(decodeProject(dup)).toMatchObject({ ok: false, message: expect.stringContaining('share an id') });
  });

  it('refuses paths outside the archive layout', () => {
    const bad = rezip((m) => ((m.image as Record<string, unknown>).file = '../../etc/passwd'));
    expect(decodeProject(bad).ok).toBe(false);
  });
});
