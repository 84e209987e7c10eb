import { Role } from '@app/database';
import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { seedNamDinh, signIn, SignedIn, TEST_PASSWORD, unitByCode } from './support/factories.js';
import { SEED, seedDispatchDto } from './support/seed-dispatch.js';
import { createTestApp, TestApp } from './support/test-app.js';

const REF = `${SEED.number}/${SEED.symbol}`;

/** The browser front end (apps/web) driven in Debian's chromium against the whole api on real services. */
describe('Web front end in a real browser', () => {
  let t: TestApp;
  let browser: Browser;
  let page: Page;
  let baseUrl: string;
  let haiHauOfficer: SignedIn;
  let director: SignedIn;
  let dispatchId: string;
  let communes: number;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    await seedNamDinh(t);
    const pa05 = await signIn(t, Role.Issuer, 'CA-36-PA05');
    haiHauOfficer = await signIn(t, Role.Officer, 'UBND-366');
    director = await signIn(t, Role.Leader, 'CA-36');
    const dto = seedDispatchDto(
      { directorUnitId: (await unitByCode(t, 'CA-36-BGD')).id, archiveUnitIds: [] },
      {
        recipients: [{ purpose: 'coordinate', unitId: (await unitByCode(t, 'UBND-366')).id }],
        ackDueAt: '2099-01-10T17:00:00+07:00',
        forwardDueAt: '2099-01-12T17:00:00+07:00',
        reportDueAt: '2099-02-01T17:00:00+07:00',
      },
    );
    dispatchId = (await t.http().post('/api/v1/dispatches').set(pa05.auth).send(dto).expect(201)).body.id;
    await t.http().post(`/api/v1/dispatches/${dispatchId}/publish`).set(pa05.auth).expect(200);
    const rows: { n: number }[] = await t.db.query(
      `SELECT count(*)::int AS n FROM units WHERE type = 'area' AND parent_id = (SELECT id FROM units WHERE code = '366')`,
    );
    communes = rows[0].n;

    await t.app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
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
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
    page.on('pageerror', (e) => pageErrors.push(e.message));
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const logIn = async (email: string) => {
    await page.goto(`${baseUrl}/`);
    await page.getByLabel('Thư điện tử').fill(email);
    await page.getByLabel('Mật khẩu').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
  };

  it('serves the app at / without a token, while /api stays guarded', async () => {
    const html = await t.http().get('/').expect(200);
    expect(html.text).toContain('<main id="main"');
    await t
      .http()
      .get('/i18n.vi.js')
      .expect(200)
      .expect('content-type', /javascript/);
    await t.http().get('/api/v1/inbox').expect(401);
    await t.http().get('/api/health').expect(200);
  });

  it('a wrong password shows the API message', async () => {
    await page.goto(`${baseUrl}/`);
    await page.getByLabel('Thư điện tử').fill(haiHauOfficer.user.email);
    await page.getByLabel('Mật khẩu').fill('wrong password');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('alert').waitFor();
    expect((await page.getByRole('alert').textContent())?.length).toBeGreaterThan(5);
  });

  it('the Hải Hậu officer acknowledges the dispatch from the inbox and forwards it to all its communes', async () => {
    await logIn(haiHauOfficer.user.email);
    await page.getByRole('heading', { name: 'Công văn đến' }).waitFor();
    expect(await page.evaluate('sessionStorage.getItem("cvt.token")')).toBeTruthy();
    await page.getByRole('link', { name: REF }).click();
    await page.getByRole('heading', { name: `Công văn ${REF}` }).waitFor();
    expect(await page.locator('#delivery-status [data-status]').textContent()).toBe('01 · Đã mở, chưa xác nhận');
    const body = await page.locator('main').textContent();
    expect(body).toContain(SEED.subject);
    expect(body).toContain('19/10/2023');
    expect(await page.locator('ol.tasks li').count()).toBe(SEED.tasks.length);

    // Forwarding before acknowledging: the API refuses, and the officer reads its message.
    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: 'Chuyển tiếp cho tất cả xã trực thuộc' }).click();
    await page.getByRole('alert').filter({ hasText: 'xác nhận đã nhận công văn trước' }).waitFor();

    await page.getByRole('button', { name: 'Xác nhận đã nhận' }).click();
    await page.locator('#delivery-status [data-status="accepted"]').waitFor();
    expect(await page.locator('#delivery-status [data-status]').textContent()).toBe('03 · Đã xác nhận tiếp nhận');
    expect(await page.getByRole('button', { name: 'Xác nhận đã nhận' }).count()).toBe(0);

    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: 'Chuyển tiếp cho tất cả xã trực thuộc' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Đã chuyển tiếp cho ${communes} đơn vị.` })
      .waitFor();
    expect(await page.locator('#delivery-status [data-status]').textContent()).toBe('04 · Đã chuyển tiếp cấp dưới');
    const children = page.getByRole('region', { name: 'Đơn vị đã chuyển tiếp' }).locator('tbody tr');
    expect(await children.count()).toBe(communes);
    expect(await children.first().textContent()).toMatch(/^UBND /);
  });

  it('the police director sees the dispatch on the dashboard with its figures, and its report', async () => {
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await logIn(director.user.email);
    await page.getByRole('heading', { name: 'Bảng theo dõi' }).waitFor();
    const api = (await t.http().get('/api/v1/reports/dashboard').set(director.auth).expect(200)).body.items.find(
      (d: { id: string }) => d.id === dispatchId,
    );
    expect(api).toMatchObject({ total: communes + 1 });
    const pct = (r: number) => `${(r * 100).toLocaleString('vi-VN', { maximumFractionDigits: 1 })}%`;
    const cells = await page.locator(`tr[data-dispatch-id="${dispatchId}"] td`).allTextContents();
    expect(cells[0]).toContain(REF);
    expect(cells.slice(3)).toEqual([
      String(communes + 1),
      pct(api.acknowledgedRate),
      pct(api.onTimeRate),
      pct(api.activityCoverage),
      String(api.blocking),
    ]);

    const shot = path.join(mkdtempSync(path.join(tmpdir(), 'cvt-web-')), 'dashboard.png');
    await page.screenshot({ path: shot, fullPage: true });
    process.stdout.write(`screenshot: ${shot}\n`);

    await page.getByRole('link', { name: REF }).click();
    await page.getByRole('heading', { name: `Báo cáo triển khai ${REF}` }).waitFor();
    const district = page.getByRole('row', { name: /^Cấp huyện/ });
    expect(await district.locator('td').first().textContent()).toBe('1');
    await page.getByRole('heading', { name: /^Đơn vị tắc nghẽn/ }).waitFor();
    expect(pageErrors).toEqual([]);
  });
});
