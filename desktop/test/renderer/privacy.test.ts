import { readFileSync } from 'node:fs';
import { unzipSync, strFromU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInTestUser, startTestBackend, type TestBackend } from '../../../backend/test/helpers/backend.ts';
import { startRendererHarness, type RendererHarness } from '../harness/renderer-harness.ts';

describe('the Privacy & data page in Chromium', () => {
  let backend: TestBackend;
  beforeAll(async () => {
    backend = await startTestBackend();
  });
  afterAll(() => backend?.stop());

  async function signedIn(email: string) {
    const user = await signInTestUser(backend, { email });
    const harness = await startRendererHarness({ backendUrl: backend.url, session: user });
    return { user, harness };
  }

  it('signed out, it offers the contact form and the legal texts but no account actions', async () => {
    const harness = await startRendererHarness({ backendUrl: backend.url });
    try {
      const page = await harness.open('main', '#/privacy');
      await expect.poll(() => page.getByText('Sign in to download your data').count()).toBe(1);
      expect(await page.getByRole('button', { name: 'Download my data' }).count()).toBe(0);
      await page.getByRole('button', { name: 'Privacy policy' }).click();
      await expect.poll(() => page.getByRole('dialog').textContent()).toContain('never store them');
      await page.keyboard.press('Escape');
      await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    } finally {
      await harness.close();
    }
  });

  it('sends a contact message signed out, with the Privacy Policy Inquiry subject', async () => {
    const harness = await startRendererHarness({ backendUrl: backend.url });
    try {
      const page = await harness.open('main', '#/privacy');
      await page.getByLabel('Name').fill('Visitor');
      await page.getByLabel('Email').fill('visitor@example.com');
      await expect.poll(() => page.getByLabel('Subject').locator('option').count()).toBeGreaterThan(1);
      await page.getByLabel('Subject').selectOption('Privacy Policy Inquiry');
      await page.getByLabel('Message').fill('Which data do you hold about me?');
      await page.getByRole('button', { name: 'Send message' }).click();
      await expect.poll(() => page.getByRole('status').filter({ hasText: 'Sent' }).count()).toBe(1);
      const row = backend.deps.db.prepare(`SELECT subject, user_id FROM support_messages WHERE email = 'visitor@example.com'`).get();
      expect(row).toEqual({ subject: 'Privacy Policy Inquiry', user_id: null });
    } finally {
      await harness.close();
    }
  });

  it('turning prompt logging off reaches the server at once', async () => {
    const { user, harness } = await signedIn('toggler@example.com');
    try {
      const page = await harness.open('main', '#/privacy');
      const toggle = page.getByRole('switch', { name: 'Prompt logging' });
      await expect.poll(() => toggle.isChecked()).toBe(true);
      await toggle.click();
      await expect
        .poll(() => JSON.parse(backend.deps.db.prepare('SELECT consents FROM users WHERE id = ?').pluck().get(user.userId) as string).prompt_logging)
        .toBe(false);
      await expect.poll(() => toggle.isChecked()).toBe(false);
    } finally {
      await harness.close();
    }
  });

  it('"Download my data" saves one archive holding the server export and the local gallery metadata', async () => {
    const { user, harness } = await signedIn('downloader@example.com');
    try {
      const page = await harness.open('main', '#/privacy');
      await page.getByRole('button', { name: 'Download my data' }).click();
      await expect.poll(() => page.getByRole('status').filter({ hasText: 'Saved to' }).count()).toBe(1);
      expect(harness.savedFiles).toHaveLength(1);
      const files = unzipSync(readFileSync(harness.savedFiles[0]!));
      expect(Object.keys(files).sort()).toEqual(['README.txt', 'account-data.json', 'this-computer/gallery.json']);
      const account = JSON.parse(strFromU8(files['account-data.json']!));
      expect(account.account).toMatchObject({ id: user.userId, email: 'downloader@example.com' });
      expect(strFromU8(files['account-data.json']!)).not.toContain(user.accessToken);
    } finally {
      await harness.close();
    }
  });

  it('rectification: the user sets a contact email on the Account page and it reaches the server', async () => {
    const { user, harness } = await signedIn('rectify@example.com');
    try {
      const page = await harness.open('main', '#/account');
      const field = page.getByLabel('Contact email');
      await expect.poll(() => field.inputValue()).toBe('rectify@example.com');
      await field.fill('not an email');
      await field.locator('xpath=..').getByRole('button', { name: 'Save' }).click();
      // The field's own validation stops the form; nothing is sent.
      expect(await field.evaluate((el) => (el as HTMLInputElement).validity.valid)).toBe(false);
      expect(backend.deps.db.prepare('SELECT contact_email FROM users WHERE id = ?').pluck().get(user.userId)).toBeNull();
      await field.fill('me@work.example');
      await field.locator('xpath=..').getByRole('button', { name: 'Save' }).click();
      await expect.poll(() => backend.deps.db.prepare('SELECT contact_email FROM users WHERE id = ?').pluck().get(user.userId)).toBe('me@work.example');
    } finally {
      await harness.close();
    }
  });

  it('deleting the account needs DELETE typed, erases it on the server and forgets it locally', async () => {
    const { user, harness } = await signedIn('leaver@example.com');
    try {
      const page = await harness.open('main', '#/privacy');
      const button = page.getByRole('button', { name: 'Delete my account' });
      await expect.poll(() => button.isDisabled()).toBe(true);
      await page.getByLabel('Type DELETE to confirm').fill('delete');
      expect(await button.isDisabled()).toBe(true);
      await page.getByLabel('Type DELETE to confirm').fill('DELETE');
      await page.getByLabel('Also delete the images in my gallery on this computer').check();
      await button.click();
      await expect.poll(() => page.getByText('Your account was deleted').count()).toBe(1);
      expect(backend.deps.db.prepare('SELECT COUNT(*) FROM users WHERE id = ?').pluck().get(user.userId)).toBe(0);
      expect(harness.localEffects).toEqual(['forgot session', 'deleted gallery']);
    } finally {
      await harness.close();
    }
  });
});
