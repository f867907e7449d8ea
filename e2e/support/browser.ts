import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type BrowserContext, type Page, chromium } from 'playwright-core';
import { generateSync } from 'otplib';
import { inject } from 'vitest';

export const DEMO_PASSWORD = 'Hall@2026';
/** The demo administrators' authenticator secret (README, demo mode only); they sign in with a TOTP code. */
export const DEMO_TOTP_SECRET = 'ONEWINDOWDEMOSECRETFORHALLADMINS';
const DEMO_ADMINS = new Set(['sysadmin', 'secadmin', 'auditor']);

/** The server's "now": the test clock file while it holds an instant, else the real time. */
export function serverNow(): number {
  try {
    const at = Date.parse(fs.readFileSync(inject('clockFile'), 'utf8'));
    return Number.isNaN(at) ? Date.now() : at;
  } catch {
    return Date.now();
  }
}

/** What the authenticator app shows for `secret` at the server's time. */
export function totpNow(secret: string): string {
  return generateSync({ secret, epoch: Math.floor(serverNow() / 1000) });
}
export const baseUrl = () => inject('baseUrl');

/** Debian's Chromium with a throw-away profile; the machine has no network, so background traffic is off. */
export async function openBrowser(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'onewindow-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    locale: 'zh-CN',
    // The hall's desks run on China time: dates the pages default to (this month, today) are China days, as the
    // server's are. Without this the suite failed between 16:00 and 24:00 UTC, when China is already on the next day.
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1366, height: 900 },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    context,
    close: async () => {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

export async function logIn(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto(`${baseUrl()}/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  // A demo administrator's password is followed by the code of the demo authenticator.
  if (DEMO_ADMINS.has(username) && password === DEMO_PASSWORD) {
    const code = page.getByLabel('动态验证码');
    await code.waitFor();
    // A code is taken once per 30-second step: if this administrator signed in moments ago, the next step's code.
    for (let attempt = 0; attempt < 2; attempt++) {
      await code.fill(totpNow(DEMO_TOTP_SECRET));
      await page.getByRole('button', { name: /登\s*录/ }).click();
      const signedIn = await page
        .waitForURL((u) => !u.pathname.startsWith('/login'), { timeout: 5_000 })
        .then(
          () => true,
          () => false,
        );
      if (signedIn) return;
      await page.waitForTimeout(31_000 - (Date.now() % 30_000));
    }
  }
}
