import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { TEST_PASSWORD } from './factories.js';
import type { TestApp } from './test-app.js';

/** Screenshots for people to look at (git-ignored): desktop 1440×900 and phone 390×844. */
export const WEB_ARTIFACTS = path.resolve('test-artifacts', 'web');
export const DESKTOP = { width: 1440, height: 900 };
export const PHONE = { width: 390, height: 844 };

export interface BrowserSession {
  browser: Browser;
  page: Page;
  /** http://127.0.0.1:<port> of the api, which serves the web app from the same origin. */
  baseUrl: string;
  /** Uncaught errors of the page's scripts: a screen that works leaves none. */
  pageErrors: string[];
  /** The same screen at desktop and phone size, whole page, into test-artifacts/web as `<name>-desktop.png` and `-phone.png`. */
  shoot(name: string): Promise<void>;
  /** The state the browser was left in after the current test (for whoever reads a failure), prefixed. */
  shootAfterTest(prefix?: string): Promise<void>;
  /** Signs in through the login page and waits for the signed-in header. */
  logIn(email: string, password?: string): Promise<void>;
  logOut(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The api of `t` listening on a free port, and Debian's chromium (playwright-core) with one page at desktop
 * size, in Vietnamese and Vietnam time, as the web e2e specs drive it.
 */
export async function openBrowser(t: TestApp, options: { acceptDownloads?: boolean } = {}): Promise<BrowserSession> {
  mkdirSync(WEB_ARTIFACTS, { recursive: true });
  await t.app.listen(0, '127.0.0.1');
  const baseUrl = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const context = await browser.newContext({
    viewport: DESKTOP,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    acceptDownloads: options.acceptDownloads ?? false,
  });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));

  return {
    browser,
    page,
    baseUrl,
    pageErrors,
    shoot: async (name) => {
      await page.waitForLoadState('networkidle');
      // From the top, so the sticky header sits where a person sees it.
      await page.evaluate('window.scrollTo(0, 0)');
      await page.screenshot({ path: path.join(WEB_ARTIFACTS, `${name}-desktop.png`), fullPage: true });
      await page.setViewportSize(PHONE);
      await page.waitForTimeout(400);
      await page.screenshot({ path: path.join(WEB_ARTIFACTS, `${name}-phone.png`), fullPage: true });
      await page.setViewportSize(DESKTOP);
      await page.waitForTimeout(200);
    },
    shootAfterTest: async (prefix = '') => {
      const name = (expect.getState().currentTestName ?? 'test').replace(/\W+/g, '-').slice(-60);
      await page.screenshot({ path: path.join(WEB_ARTIFACTS, `${prefix}after-${name}.png`), fullPage: true }).catch(() => undefined);
    },
    logIn: async (email, password = TEST_PASSWORD) => {
      await page.goto(`${baseUrl}/dang-nhap`);
      await page.getByLabel('Thư điện tử').fill(email);
      await page.getByLabel('Mật khẩu').fill(password);
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      await page.getByRole('button', { name: 'Đăng xuất' }).waitFor();
    },
    logOut: () => page.getByRole('button', { name: 'Đăng xuất' }).click(),
    close: () => browser.close(),
  };
}
