import { escapeHtml, renderPage } from '../http/html.ts';

/**
 * The page the browser lands on after Google: it opens the app through the deep link, and
 * keeps a visible button because browsers often ask before opening an app (or block a
 * script-initiated launch outright).
 */
export function renderOpenAppPage(deepLink: string, nonce: string): string {
  const href = escapeHtml(deepLink);
  return renderPage({
    title: 'Opening PromptPixels',
    heading: 'Opening PromptPixels…',
    body: `<p>You are signed in. Your browser may ask whether to open PromptPixels — allow it.</p>
<a class="button" id="open-app" href="${href}">Open PromptPixels</a>
<p style="font-size:.85rem;margin-top:1.5rem">This link works once and for one minute. You can close this tab afterwards.</p>`,
    nonce,
    script: `window.location.href = ${JSON.stringify(deepLink).replace(/</g, '\\u003c')};`,
  });
}

/** A failed or expired attempt: says what happened and what to do, never why in technical terms. */
export function renderSignInProblemPage(heading: string, message: string): string {
  return renderPage({
    title: 'Sign-in did not finish',
    heading,
    body: `<p>${escapeHtml(message)}</p><p>Go back to the PromptPixels app and choose <strong>Sign in with Google</strong> again.</p>`,
  });
}
