import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser } from './support/browser.ts';
import { acceptedCase } from './support/cases.ts';
import { screenshotOnFailure, shot, signIn } from './support/session.ts';

let browser: Awaited<ReturnType<typeof openBrowser>>;
let desk: Page;

beforeAll(async () => {
  browser = await openBrowser();
  desk = await browser.context.newPage();
  await desk.setViewportSize({ width: 1440, height: 900 });
});
afterAll(async () => {
  await browser?.close();
});
screenshotOnFailure(() => desk, 'inspections-i18n');

const CHINESE = /[\u4e00-\u9fff]/;

/**
 * The page's own words (titles, headers, buttons, labels, tags, options, empty states) in `scope`; data cells
 * (names, items, findings) are left out since they stay as entered.
 */
async function chromeTexts(scope: ReturnType<Page['locator']>): Promise<string[]> {
  const texts = await scope
    .locator(
      '.ant-card-head-title, th, button, label, .ant-tag, .ant-segmented-item-label, .ant-empty-description, .ant-modal-title, .ant-descriptions-item-label, input[placeholder]',
    )
    .evaluateAll((els) => els.map((e) => (e as HTMLElement).innerText || e.getAttribute('placeholder') || ''));
  return texts.map((s) => s.trim()).filter(Boolean);
}

const chineseIn = async (scope: ReturnType<Page['locator']>) =>
  (await chromeTexts(scope)).filter((s) => CHINESE.test(s));

describe('the inspection pages in English', () => {
  it('show no Chinese of their own on 随机抽查, its dialogs, 整改通知 and 质量评估报告', async () => {
    // One case accepted today, so the English sample has a row to check.
    await signIn(desk, 'clerk');
    await acceptedCase(desk, '英文抽查样本人');

    await signIn(desk, 'inspector');
    await desk.getByText('English', { exact: true }).click();
    await desk.getByRole('menuitem', { name: 'Random inspection' }).click();
    await desk.waitForURL(/\/inspections$/);
    await desk.getByLabel('Cases to draw').fill('1');
    await desk.getByRole('button', { name: 'Draw sample' }).click();
    await desk
      .locator('.ant-message')
      .getByText(/Sample drawn: 1 of \d+ cases/)
      .waitFor();
    await desk.getByRole('row').filter({ hasText: 'To check' }).first().waitFor();
    const content = desk.locator('.ow-content');
    await desk.getByText('Earlier samples').waitFor();
    // The net catches the page's words (so an empty list could not pass for a clean one).
    expect((await chromeTexts(content)).length).toBeGreaterThan(20);
    expect(await chineseIn(content)).toEqual([]);
    await shot(desk, 'inspections-sample-en');
    await desk.screenshot({ path: '/tmp/ow-inspections-sample-en.png', fullPage: true });

    // The case check dialog: the checklist names come from the dictionary by their keys.
    await desk
      .getByRole('row')
      .filter({ hasText: 'To check' })
      .first()
      .getByRole('button', { name: 'Record check' })
      .click();
    const check = desk.getByRole('dialog');
    await check.getByText('Routing records (routing slip) complete and in order').waitFor();
    expect(await chineseIn(check)).toEqual([]);
    await check.getByRole('button', { name: 'Cancel' }).click();
    await check.waitFor({ state: 'hidden' });

    // The service conduct check on the floor.
    await desk.getByRole('button', { name: 'Service conduct check' }).click();
    const norm = desk.getByRole('dialog', { name: 'Service conduct check' });
    await norm.getByText('Wears a staff badge').waitFor();
    expect(await chineseIn(norm)).toEqual([]);
    await norm.getByRole('button', { name: 'Cancel' }).click();
    await norm.waitFor({ state: 'hidden' });

    await desk.getByRole('menuitem', { name: 'Rectification notices' }).click();
    await desk.waitForURL(/\/rectifications$/);
    await desk.getByText('Whole hall').waitFor();
    await desk.getByText('All', { exact: true }).click();
    await content.locator('.ant-table').waitFor();
    expect(await chineseIn(content)).toEqual([]);

    await desk.getByRole('menuitem', { name: 'Quality report' }).click();
    await desk.getByRole('cell', { name: 'Complete case files' }).waitFor();
    await desk.getByText('Checks by person').waitFor();
    expect(await chineseIn(content)).toEqual([]);
    await shot(desk, 'inspections-report-en');

    // Back to Chinese for whoever uses this profile next.
    await desk.getByText('中文', { exact: true }).click();
    await desk.getByRole('menuitem', { name: '质量评估报告' }).waitFor();
  });
});
