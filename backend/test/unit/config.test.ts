import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../src/config.ts';

describe('backend configuration from the environment', () => {
  it('uses the defaults of API.md when nothing is set', () => {
    const config = parseConfig({});
    expect(config.host).toBe('127.0.0.1');
    expect(config.port).toBe(8787);
    expect(config.publicUrl).toBe('http://127.0.0.1:8787');
    expect(config.databasePath).toBe('./data/promptpixels.sqlite');
    expect(config.oidc.issuer).toBe('https://accounts.google.com');
    expect(config.signupCredits).toBe(10);
    expect(config.holdTtlSeconds).toBe(900);
    expect(config.resultTtlSeconds).toBe(3600);
    expect(config.polar.packs.length).toBeGreaterThan(0);
  });

  it.each([
    [{ PP_PORT: '70000' }, 'PP_PORT'],
    [{ PP_SIGNUP_CREDITS: '-1' }, 'PP_SIGNUP_CREDITS'],
    [{ PP_RATE_LIMIT_SCALE: '0' }, 'PP_RATE_LIMIT_SCALE'],
    [{ POLAR_WEBHOOK_SECRET: 'not-a-secret' }, 'POLAR_WEBHOOK_SECRET'],
    [{ PP_CREDIT_PACKS: '{broken' }, 'PP_CREDIT_PACKS'],
    [{ PP_CREDIT_PACKS: '[{"id":"a","product_id":"p","credits":1.5,"label":"x"}]' }, 'PP_CREDIT_PACKS'],
    [{ PP_OIDC_ISSUER: 'http://evil.example' }, 'PP_OIDC_ISSUER'],
    [{ NODE_ENV: 'production', PP_FAL_ORIGIN: 'http://127.0.0.1:9999' }, 'PP_FAL_ORIGIN'],
  ])('refuses %j with a one-line reason naming the variable', (env, name) => {
    expect(() => parseConfig(env)).toThrow(ConfigError);
    try {
      parseConfig(env);
    } catch (err) {
      expect((err as Error).message).toContain(name);
      expect((err as Error).message).not.toContain('\n');
    }
  });

  it('allows a plain-http issuer on loopback (the local OpenID provider)', () => {
    expect(parseConfig({ PP_OIDC_ISSUER: 'http://127.0.0.1:9000' }).oidc.issuer).toBe('http://127.0.0.1:9000');
  });

  it('treats blank secrets as not configured', () => {
    expect(parseConfig({ FAL_KEY: '  ' }).fal.key).toBeUndefined();
  });
});
