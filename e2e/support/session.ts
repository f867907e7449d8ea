import type { APIRequestContext, Page } from 'playwright-core';
import { afterEach } from 'vitest';
import { baseUrl, DEMO_PASSWORD, logIn } from './browser.ts';

/** A JSON call as the page's signed-in account; a refused call fails the test with the server's answer. */
export type Api = <T = any>(method: 'GET' | 'POST', path: string, data?: unknown) => Promise<T>;

export function apiOf(page: Page): Api {
  return async <T = any>(method: 'GET' | 'POST', path: string, data?: unknown): Promise<T> => {
    const res =
      method === 'GET'
        ? await page.request.get(`${baseUrl()}${path}`)
        : await page.request.post(`${baseUrl()}${path}`, { data: data ?? {} });
    if (!res.ok()) throw new Error(`${method} ${path}: ${res.status()} ${await res.text()}`);
    return (await res.json()) as T;
  };
}

/** Signs out whoever was signed in, signs `username` in and waits for the desk menu. */
export async function signIn(page: Page, username: string): Promise<void> {
  await page.context().clearCookies();
  await logIn(page, username);
  await page.getByRole('menuitem').first().waitFor();
}

/** Signs in over the browser's request context only (no page), e.g. to prepare data before a test. */
export async function signInRequest(request: APIRequestContext, username: string): Promise<void> {
  const res = await request.post(`${baseUrl()}/api/auth/login`, { data: { username, password: DEMO_PASSWORD } });
  if (!res.ok()) throw new Error(`sign-in of ${username}: ${res.status()}`);
}

/** A full-page picture under SCREENSHOT_DIR when it is set (screens kept for review); nothing otherwise. */
export async function shot(page: Page, name: string): Promise<void> {
  const dir = process.env.SCREENSHOT_DIR;
  if (dir) await page.screenshot({ path: `${dir}/${name}.png`, fullPage: true });
}

/** After a failed test, a picture of the page at /tmp/ow-<name>-fail.png to see where it stopped. */
export function screenshotOnFailure(page: () => Page | undefined, name: string): void {
  afterEach(async (c) => {
    if (c.task.result?.state === 'fail') await page()?.screenshot({ path: `/tmp/ow-${name}-fail.png`, fullPage: true });
  });
}
