/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * The branded shell of every page the backend shows in a browser (sign-in return, billing
 * return, errors). Inline script is allowed only through the nonce given.
 */
export function renderPage(opts: { title: string; heading: string; body: string; nonce?: string; script?: string }): string {
  const script = opts.script && opts.nonce ? `<script nonce="${opts.nonce}">${opts.script}</script>` : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(opts.title)} · PromptPixels</title>
<style>
:root{color-scheme:light dark;--bg:#f6f5fb;--card:#fff;--fg:#1b1830;--muted:#5d5878;--accent:#6d4aff}
@media (prefers-color-scheme:dark){:root{--bg:#121019;--card:#1d1a28;--fg:#eeeaff;--muted:#a9a3c4;--accent:#9b85ff}}
body{margin:0;min-height:100vh;display:grid;place-items:center;background:var(--bg);color:var(--fg);font:16px/1.5 system-ui,sans-serif}
main{background:var(--card);padding:2.5rem 3rem;border-radius:16px;box-shadow:0 8px 32px #0002;max-width:28rem;text-align:center}
.logo{font-weight:700;font-size:1.1rem;color:var(--accent);letter-spacing:.02em}
h1{font-size:1.4rem;margin:.75rem 0}
p{color:var(--muted)}
a.button{display:inline-block;margin-top:1rem;padding:.7rem 1.4rem;border-radius:10px;background:var(--accent);color:#fff;text-decoration:none;font-weight:600}
</style></head>
<body><main><div class="logo">◆ PromptPixels</div><h1>${escapeHtml(opts.heading)}</h1>${opts.body}</main>${script}</body></html>`;
}

export function renderErrorPage(status: number, message: string): string {
  return renderPage({
    title: 'Something went wrong',
    heading: status === 404 ? 'Page not found' : 'That did not work',
    body: `<p>${escapeHtml(message)}</p><p>Go back to the PromptPixels app and try again.</p>`,
  });
}
