// electronegativity parses TypeScript with @typescript-eslint/typescript-estree 4, which needs
// TypeScript's JS API; the project compiles with TypeScript 7 (native, no JS API). npm hoists
// the parser to the top level, where `require('typescript')` finds TypeScript 7 and crashes.
// This redirects only that parser's `typescript` import to electronegativity's own nested 4.2.
const Module = require('node:module');
const path = require('node:path');
const nested = require.resolve('typescript', {
  paths: [path.dirname(require.resolve('@doyensec/electronegativity/package.json'))],
});
const original = Module._resolveFilename;
Module._resolveFilename = function (request, parent, ...rest) {
  if (request === 'typescript' && parent && /typescript-estree/.test(parent.filename ?? '')) return nested;
  return original.call(this, request, parent, ...rest);
};

// The tool also downloads translations at start (got, 1 s timeout). With no network, got retries
// after the timeout and its retry throws inside p-cancelable ("onCancel handler was attached
// after the promise settled"), killing the scan before it writes its report. Answer "offline"
// at once for that one import; the tool then uses its bundled English strings.
const originalLoad = Module._load;
Module._load = function (request, parent, ...rest) {
  if (request === 'got' && parent && /electronegativity[\\/]dist[\\/]locales[\\/]i18n\.js$/.test(parent.filename ?? '')) {
    const offline = () => Promise.reject(new Error('offline: translations are not downloaded'));
    return offline;
  }
  return originalLoad.call(this, request, parent, ...rest);
};
