import { build } from 'electron-vite';

/** The renderer suite tests the built app, exactly what Electron loads: build it once first. */
export default async function buildOnce(): Promise<void> {
  if (process.env.PP_SKIP_BUILD === '1') return;
  await build({ configFile: 'electron.vite.config.ts', logLevel: 'warn' });
}
