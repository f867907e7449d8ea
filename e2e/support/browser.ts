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

/** What the authenticator app shows for `secret` at the server's time, or `steps` 30-second steps later. */
export function totpNow(secret: string, steps = 0): string {
  return generateSync({ secret, epoch: Math.floor(serverNow() / 1000) + steps * 30 });
}

/**
 * The code to type on the given attempt. A code is taken once per 30-second step, so when this administrator signed
 * in moments ago the code now is a replay; the server takes one step either side for clock drift, so the next step's
 * code works at once, and only when that one is spent too is there a step boundary to wait for.
 */
export async function totpForAttempt(page: Page, secret: string, attempt: number): Promise<string> {
  if (attempt >= 2) await page.waitForTimeout(31_000 - (serverNow() % 30_000));
  return totpNow(secret, attempt === 0 ? 0 : 1);
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

/** Presses 登录 on the code step: true once the hall's pages open, false when the server refused the code. */
export async function submitCode(page: Page): Promise<boolean> {
  const answer = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/api/auth/login'));
  await page.getByRole('button', { name: /登\s*录/ }).click();
  if (!(await answer).ok()) return false;
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
  return true;
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
    for (let attempt = 0; attempt < 3; attempt++) {
      await code.fill(await totpForAttempt(page, DEMO_TOTP_SECRET, attempt));
      const signedIn = await submitCode(page);
      if (signedIn) return;
    }
  }
}
