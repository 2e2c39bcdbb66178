import { browserSignIn, TestBrowser } from '../../../backend/test/helpers/sign-in-flow.ts';
import type { RendererHarness } from './renderer-harness.ts';

/**
 * Plays the user's browser for the harness: takes the sign-in page the app opened, signs in
 * at the OpenID stand-in as `account`, and delivers the resulting deep link to main, as the
 * OS would.
 */
export async function finishSignInInBrowser(harness: RendererHarness, backendUrl: string, account = 'sandbox-ada'): Promise<string> {
  return harness.auth.handleDeepLink(await signInLinkFromBrowser(harness, backendUrl, account));
}

/** Like finishSignInInBrowser, but answers the deep link instead of delivering it. */
export async function signInLinkFromBrowser(harness: RendererHarness, backendUrl: string, account = 'sandbox-ada'): Promise<string> {
  const opened = harness.openedExternally.filter((u) => u.startsWith(`${backendUrl}/auth/google/start`)).at(-1);
  if (!opened) throw new Error('the app did not open the sign-in page');
  const url = new URL(opened);
  const page = await browserSignIn(new TestBrowser(), backendUrl, { challenge: url.searchParams.get('challenge')!, state: url.searchParams.get('state')! }, { account });
  if (!page.deepLink) throw new Error(`sign-in did not reach the app: ${page.status}`);
  return page.deepLink.href;
}
