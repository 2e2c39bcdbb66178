import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deepLinkFromArgv, parseDeepLink } from '../../main/auth/deep-link.ts';
import { createDeepLinkInbox } from '../../main/auth/deep-link-inbox.ts';

const token = fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/);

describe('the deep-link parser', () => {
  it('accepts the sign-in callback with a code and a state', () => {
    expect(parseDeepLink('promptpixels://auth/callback?code=pph_abc&state=xyz')).toEqual({
      ok: true,
      link: { route: 'auth/callback', code: 'pph_abc', state: 'xyz' },
    });
  });

  it('accepts the billing return with a checkout id', () => {
    expect(parseDeepLink('promptpixels://billing/return?checkout_id=co_123')).toEqual({ ok: true, link: { route: 'billing/return', checkoutId: 'co_123' } });
  });

  it.each([
    ['another scheme', 'https://auth/callback?code=a&state=b'],
    ['an unknown route', 'promptpixels://auth/other?code=a&state=b'],
    ['a missing state', 'promptpixels://auth/callback?code=a'],
    ['an extra parameter', 'promptpixels://auth/callback?code=a&state=b&redirect=https://evil.example'],
    ['a repeated parameter', 'promptpixels://auth/callback?code=a&code=c&state=b'],
    ['a fragment', 'promptpixels://auth/callback?code=a&state=b#x'],
    ['credentials', 'promptpixels://user:pw@auth/callback?code=a&state=b'],
    ['odd characters', 'promptpixels://auth/callback?code=%3Cscript%3E&state=b'],
    ['a huge link', `promptpixels://auth/callback?code=${'a'.repeat(3000)}&state=b`],
    ['a non-string', 42],
  ])('refuses %s', (_label, raw) => {
    expect(parseDeepLink(raw).ok).toBe(false);
  });

  it('round-trips every well-formed callback', () => {
    fc.assert(
      fc.property(token, token, (code, state) => {
        const parsed = parseDeepLink(`promptpixels://auth/callback?code=${code}&state=${state}`);
        expect(parsed).toEqual({ ok: true, link: { route: 'auth/callback', code, state } });
      }),
    );
  });

  it('never throws and only accepts its two routes, whatever the input', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.webUrl(), fc.string().map((s) => `promptpixels://${s}`), fc.anything()), (raw) => {
        const parsed = parseDeepLink(raw);
        if (parsed.ok) expect(['auth/callback', 'billing/return']).toContain(parsed.link.route);
      }),
      { numRuns: 500 },
    );
  });

  it('accepts nothing after a known route is mutated by a random suffix with foreign parameters', () => {
    fc.assert(
      fc.property(token, token, fc.stringMatching(/^[a-z]{1,8}$/).filter((k) => k !== 'code' && k !== 'state'), (code, state, key) => {
        expect(parseDeepLink(`promptpixels://auth/callback?code=${code}&state=${state}&${key}=1`).ok).toBe(false);
      }),
    );
  });

  it('finds the link among process arguments', () => {
    expect(deepLinkFromArgv(['/usr/bin/pp', '--flag', 'promptpixels://auth/callback?code=a&state=b'])).toBe('promptpixels://auth/callback?code=a&state=b');
    expect(deepLinkFromArgv(['/usr/bin/pp', '.'])).toBeUndefined();
  });
});

describe('the deep-link inbox', () => {
  it('queues links that arrive before a handler and delivers them in order once attached', () => {
    const inbox = createDeepLinkInbox();
    inbox.deliver('promptpixels://a');
    inbox.deliver(undefined);
    inbox.deliver('promptpixels://b');
    const got: string[] = [];
    inbox.attach((u) => got.push(u));
    inbox.deliver('promptpixels://c');
    expect(got).toEqual(['promptpixels://a', 'promptpixels://b', 'promptpixels://c']);
  });

  it('drops the same link delivered twice in a row', () => {
    const inbox = createDeepLinkInbox();
    const got: string[] = [];
    inbox.attach((u) => got.push(u));
    inbox.deliver('promptpixels://a');
    inbox.deliver('promptpixels://a');
    expect(got).toEqual(['promptpixels://a']);
  });
});
