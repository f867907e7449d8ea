import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/** The screens each audience sees the system on. */
export const KIOSK = { width: 1080, height: 1920 };
export const DISPLAY = { width: 1920, height: 1080 };
export const DESK = { width: 1440, height: 900 };

/** Nothing runs off the right edge: the page never scrolls sideways. */
export async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.scrollingElement!.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth, `page ${scrollWidth}px wide on a ${innerWidth}px screen`).toBeLessThanOrEqual(innerWidth);
}

/** Every table under `scope` shows all its columns: none scrolls sideways inside its card. */
export async function expectTablesFit(scope: Locator, what = 'a table wider than its card'): Promise<void> {
  const wide = await scope.evaluate((root) =>
    [...root.querySelectorAll('.ant-table-content, .ant-table-body')]
      .filter((el) => el.scrollWidth > el.clientWidth + 1)
      .map((el) => `${el.scrollWidth} > ${el.clientWidth}`),
  );
  expect(wide, what).toEqual([]);
}

/** The demo county hall (青川县政务服务中心), as the public hall list names it. */
export async function countyHallId(baseUrl: string): Promise<string> {
  const halls = (await (await fetch(`${baseUrl}/api/public/halls`)).json()) as {
    items: { id: string; name: string }[];
  };
  return halls.items.find((h) => h.name === '青川县政务服务中心')!.id;
}
