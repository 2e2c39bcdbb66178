// Two shims that let @doyensec/electronegativity run reliably on these build machines:
//
// 1. It parses TypeScript with @typescript-eslint/typescript-estree 4, which needs TypeScript's
//    JS API; the project compiles with TypeScript 7 (native, no JS API). npm hoists the parser
//    to the top level, where `require('typescript')` finds TypeScript 7 and crashes. Its
//    `typescript` import is redirected to electronegativity's own nested 4.2.
// 2. It fetches translations (and Electron's release list) with `got` at start. Offline, got's
//    retry path throws "The onCancel handler was attached after the promise settled" from a
//    timer and kills the scan at a random moment. Inside electronegativity, `got` answers a
//    rejected promise at once instead; the tool already treats that as "no connectivity".
const Module = require('node:module');
const path = require('node:path');
const pkgDir = path.dirname(require.resolve('@doyensec/electronegativity/package.json'));
const nestedTypescript = require.resolve('typescript', { paths: [pkgDir] });
const offlineGot = path.join(__dirname, 'offline-got.cjs');
const original = Module._resolveFilename;
Module._resolveFilename = function (request, parent, ...rest) {
  const from = parent?.filename ?? '';
  if (request === 'typescript' && /typescript-estree/.test(from)) return nestedTypescript;
  if (request === 'got' && from.startsWith(pkgDir)) return offlineGot;
  return original.call(this, request, parent, ...rest);
};
