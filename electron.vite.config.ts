import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: { input: { index: resolve('desktop/main/index.ts') } },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // Sandboxed preloads cannot load other files: each is one self-contained CommonJS file.
      isolatedEntries: true,
      externalizeDeps: false,
      rollupOptions: {
        input: { main: resolve('desktop/preload/main.ts'), quick: resolve('desktop/preload/quick.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'desktop/renderer',
    plugins: [react()],
    build: {
      outDir: 'out/renderer',
      minify: true,
      rollupOptions: {
        input: { index: resolve('desktop/renderer/index.html'), quick: resolve('desktop/renderer/quick.html') },
      },
    },
  },
});
