import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// Starts the sandbox backend, then the Electron app pointed at it (where Electron exists).
const root = join(import.meta.dirname, '..');
const port = process.env.PP_PORT ?? '8787';
const backendUrl = `http://127.0.0.1:${port}`;

function electronInstalled(): boolean {
  const dir = join(root, 'node_modules/electron');
  const pathFile = join(dir, 'path.txt');
  return existsSync(pathFile) && existsSync(join(dir, 'dist', readFileSync(pathFile, 'utf8').trim()));
}

/** Electron 45+ fetches its binary on first use; try once, so machines with internet just work. */
function ensureElectron(): boolean {
  if (electronInstalled()) return true;
  console.log('dev: fetching the Electron binary (first run)…');
  spawnSync(process.execPath, [join(root, 'node_modules/electron/install.js')], { cwd: root, stdio: 'inherit', timeout: 180_000 });
  return electronInstalled();
}

const children: ChildProcess[] = [];
const stopAll = () => {
  for (const c of children) c.kill('SIGTERM');
};
process.on('SIGINT', stopAll);
process.on('SIGTERM', stopAll);

const backend = spawn(process.execPath, ['--import', 'tsx', 'backend/src/sandbox/main.ts'], {
  cwd: root,
  stdio: ['ignore', 'pipe', 'inherit'],
  env: { ...process.env, PP_PORT: port, PP_DATABASE: process.env.PP_DATABASE ?? './data/sandbox.sqlite' },
});
children.push(backend);
backend.on('exit', (code) => {
  console.error(`dev: the backend stopped (exit ${code}).`);
  stopAll();
  process.exitCode = code ?? 1;
});

let started = false;
backend.stdout!.on('data', (chunk: Buffer) => {
  process.stdout.write(chunk);
  if (started || !chunk.toString().includes('listening on')) return;
  started = true;
  if (!ensureElectron()) {
    console.log(
      [
        '',
        '────────────────────────────────────────────────────────────────────────────',
        ` The sandbox backend is running at ${backendUrl} (local stand-ins, no real payments or AI).`,
        ' The Electron binary could not be fetched on this machine (its download host is not',
        ' reachable), so the desktop app cannot open here. On a machine with internet access',
        ' `npm run dev` fetches it on first run and opens the app.',
        ' To see the app here, run `npm run screenshots`: it renders every screen in Chromium.',
        ' Press Ctrl+C to stop the backend.',
        '────────────────────────────────────────────────────────────────────────────',
      ].join('\n'),
    );
    return;
  }
  const app = spawn(join(root, 'node_modules/.bin/electron-vite'), ['dev'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, PP_BACKEND_URL: backendUrl },
  });
  children.push(app);
  app.on('exit', () => stopAll());
});
