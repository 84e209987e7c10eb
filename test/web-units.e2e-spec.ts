import { Delivery, Role } from '@app/database';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { type BrowserSession, DESKTOP, openBrowser, PHONE, WEB_ARTIFACTS } from './support/browser.js';
import { seedNamDinh, signIn, SignedIn, unitByCode } from './support/factories.js';
import { seedDispatchDto } from './support/seed-dispatch.js';
import { createTestApp, TestApp } from './support/test-app.js';

/**
 * The unit pages in a real browser, on the two worlds of test/provinces.e2e-spec.ts: Nam Định 2024
 * with 5207 passed down by Hải Hậu to its communes, then Ninh Bình 2025-07-01 onboarded from the web
 * form. The installation admin finds the old xã Hải Sơn (14272) among retired units, follows it to
 * Xã Hải Tiến (14218) and back, and reads the new commune's scorecard with its predecessors' history.
 */
describe('The web unit pages: search, lineage across the 2025 reorganisation, scorecard, onboarding', () => {
  let t: TestApp;
  let web: BrowserSession;
  let page: Page;
  let baseUrl: string;
  let admin: SignedIn;
  let pageErrors: string[];

  beforeAll(async () => {
    t = await createTestApp();
    await seedNamDinh(t);
    admin = await signIn(t, Role.Admin, 'HE-THONG');
    // 2023: PA05 publishes 5207; UBND huyện Hải Hậu passes it to its communes, xã Hải Sơn among them.
    const pa05 = await signIn(t, Role.Issuer, 'CA-36-PA05');
    const units = { directorUnitId: (await unitByCode(t, 'CA-36-BGD')).id, archiveUnitIds: [(await unitByCode(t, 'CA-36-VT')).id] };
    const dispatchId = (await t.http().post('/api/v1/dispatches').set(pa05.auth).send(seedDispatchDto(units)).expect(201)).body.id;
    await t.http().post(`/api/v1/dispatches/${dispatchId}/publish`).set(pa05.auth).expect(200);
    const haiHau = await signIn(t, Role.Officer, 'UBND-366');
    const delivery = await t.db.getRepository(Delivery).findOneByOrFail({ dispatchId, unitId: (await unitByCode(t, 'UBND-366')).id });
    await t.http().post(`/api/v1/deliveries/${delivery.id}/acknowledge`).set(haiHau.auth).send({}).expect(200);
    await t
      .http()
      .post(`/api/v1/deliveries/${delivery.id}/forward`)
      .set(haiHau.auth)
      .send({ targets: [{ group: 'all_commune_committees' }] })
      .expect(201);

    web = await openBrowser(t);
    ({ page, baseUrl, pageErrors } = web);
  }, 120_000);
  afterAll(async () => {
    await web?.close();
    await t?.close();
  });

  afterEach(() => web?.shootAfterTest('units-'));

  const shoot = (name: string) => web.shoot(name);
  const logIn = (email: string) => web.logIn(email);
  const logOut = () => web.logOut();
  /** The "Đơn vị" entry of the header (the crumbs of a unit page name it too). */
  const unitsLink = () => page.locator('.app-header').getByRole('link', { name: 'Đơn vị', exact: true });
  const section = (name: string) => page.getByRole('region', { name, exact: true });

  it('the installation admin onboards Ninh Bình (2025-07-01) from the form and reads the counts', async () => {
    await logIn(admin.user.email);
    await unitsLink().click();
    await page.getByRole('heading', { name: 'Đơn vị', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Tiếp nhận tỉnh' }).click();
    await page.getByRole('heading', { name: 'Tiếp nhận tỉnh' }).waitFor();
    await page.getByLabel('Mã tỉnh, thành phố').fill('37');
    await page.getByLabel('Tên miền thư điện tử (không bắt buộc)').fill('ninhbinh.example');
    await page.getByRole('button', { name: 'Tiếp nhận', exact: true }).click();
    const result = page.locator('.ant-card', { hasText: 'Kết quả tiếp nhận' });
    await result.waitFor({ timeout: 60_000 });
    const text = (await result.textContent()) ?? '';
    expect(text).toContain('Hai cấp (tỉnh, xã)');
    expect(text).toContain('Cấp xã: 129');
    expect(text).toContain('130: tạo mới 130');
    expect(text).toMatch(/Công an · Cấp xã: 129/);
    expect(text).toMatch(/Ngừng hoạt động237 đơn vị hành chính/);
    expect(await unitByCode(t, 'UBND-14218')).toMatchObject({ name: 'UBND xã Hải Tiến', validFrom: '2025-07-01' });
    await shoot('units-01-onboard');
  }, 90_000);

  it('finds the old xã Hải Sơn (14272) only with retired units, and shows it stopped on 01/07/2025', async () => {
    await unitsLink().click();
    const search = page.getByRole('searchbox', { name: 'Tìm theo tên hoặc mã đơn vị' });
    await search.fill('14272');
    await search.press('Enter');
    await page.getByText('Không có đơn vị nào khớp "14272".').waitFor();
    // The filter lives in the address (a router transition): under load the box may tick a moment
    // after the click, so wait for what the click brings rather than for the tick itself.
    const retired = page.getByRole('checkbox', { name: 'Gồm đơn vị đã giải thể/sáp nhập' });
    await retired.click();
    const row = page.getByRole('row', { name: /Xã Hải Sơn/ });
    await row.waitFor();
    expect(await retired.isChecked()).toBe(true);
    expect(await row.textContent()).toMatch(/14272.*Xã Hải Sơn.*Xã · Cấp xã.*Tỉnh Nam Định.*Ngừng hoạt động từ 01\/07\/2025/);
    expect(await page.getByRole('row').count()).toBe(2); // the header and Hải Sơn
    await shoot('units-02-search');
  });

  it('xã Hải Sơn leads to Xã Hải Tiến (14218), whose page lists its three predecessors and leads back', async () => {
    await page.getByRole('link', { name: 'Xã Hải Sơn' }).click();
    await page.getByRole('heading', { name: 'Xã Hải Sơn', level: 1 }).waitFor();
    const info = (await page.locator('.status-card').textContent()) ?? '';
    expect(info).toMatch(/Cấp trên trực tiếp366 Huyện Hải Hậu/);
    expect(info).toMatch(/Ngừng hoạt động từ01\/07\/2025/);
    const after = section('Đơn vị kế thừa (sau sắp xếp)');
    expect(await after.textContent()).toMatch(/14218 Xã Hải Tiến.*Đang hoạt động.*từ 01\/07\/2025/);
    expect(await section('Đơn vị tiền thân (trước sắp xếp)').textContent()).toContain('Không có đơn vị tiền thân.');
    // The bodies that served it, retired with it.
    await section('Cơ quan trên địa bàn')
      .getByRole('link', { name: /UBND xã Hải Sơn/ })
      .waitFor();
    await shoot('units-03-hai-son');

    await after.getByRole('link', { name: /Xã Hải Tiến/ }).click();
    await page.getByRole('heading', { name: 'Xã Hải Tiến', level: 1 }).waitFor();
    const before = section('Đơn vị tiền thân (trước sắp xếp)');
    await before.getByRole('link').first().waitFor();
    expect((await before.getByRole('link').allTextContents()).map((s) => s.trim())).toEqual([
      '14218 Thị trấn Cồn',
      '14272 Xã Hải Sơn',
      '14275 Xã Hải Tân',
    ]);
    expect(await page.locator('.status-card').textContent()).toMatch(/Tỉnh, thành phốTỉnh Ninh Bình.*Hiệu lực từ01\/07\/2025/);
    expect(await section('Đơn vị kế thừa (sau sắp xếp)').textContent()).toContain('Không có đơn vị kế thừa.');
    await shoot('units-04-hai-tien');

    await before.getByRole('link', { name: '14272 Xã Hải Sơn' }).click();
    await page.getByRole('heading', { name: 'Xã Hải Sơn', level: 1 }).waitFor();
    await page.goBack();
    await page.getByRole('heading', { name: 'Xã Hải Tiến', level: 1 }).waitFor();
  });

  it("Xã Hải Tiến's scorecard adds the history of the communes merged into it on request", async () => {
    const card = page.locator('.ant-card', { hasText: 'Kết quả triển khai công văn' });
    await card.getByRole('region', { name: 'Kết quả của đơn vị' }).getByRole('link', { name: 'UBND xã Hải Tiến' }).waitFor();
    expect(await card.getByText('Lịch sử các đơn vị tiền thân', { exact: true }).count()).toBe(0);
    await card.getByRole('checkbox', { name: 'Gồm lịch sử các đơn vị tiền thân' }).check();
    const history = card.getByRole('region', { name: 'Lịch sử các đơn vị tiền thân' });
    const haiSon = history.getByRole('row', { name: /UBND xã Hải Sơn/ });
    await haiSon.waitFor();
    // 5207 reached UBND xã Hải Sơn in 2023 (forwarded by Hải Hậu): one dispatch received, none acknowledged.
    expect(await haiSon.textContent()).toMatch(/UBND xã Hải Sơn · ngừng hoạt động từ 01\/07\/2025\s*1\s*0 \(0%\)/);
    expect(await history.getByRole('link', { name: 'Công an xã Hải Sơn' }).count()).toBe(1);
    await shoot('units-05-scorecard');
    expect(pageErrors).toEqual([]);
  });

  it('on a phone the header drawer leads to the units, and the lineage still links both ways', async () => {
    await page.setViewportSize(PHONE);
    await page.getByRole('button', { name: 'Mở danh mục' }).click();
    await page.getByRole('dialog').getByRole('link', { name: 'Đơn vị', exact: true }).click();
    await page.getByRole('heading', { name: 'Đơn vị', exact: true }).waitFor();
    await page.getByRole('checkbox', { name: 'Gồm đơn vị đã giải thể/sáp nhập' }).waitFor();
    const search = page.getByRole('searchbox', { name: 'Tìm theo tên hoặc mã đơn vị' });
    await search.fill('Hải Tiến');
    await search.press('Enter');
    await page.getByRole('link', { name: 'UBND xã Hải Tiến' }).click();
    await page.getByRole('heading', { name: 'UBND xã Hải Tiến', level: 1 }).waitFor();
    // A body inherits the lineage of the area it serves.
    const before = section('Đơn vị tiền thân (trước sắp xếp)');
    await before.getByRole('link', { name: 'UBND-14272 UBND xã Hải Sơn' }).waitFor();
    const width = await page.evaluate('document.documentElement.scrollWidth');
    expect(width).toBeLessThanOrEqual(PHONE.width);
    await page.evaluate('window.scrollTo(0, 0)');
    await page.screenshot({ path: path.join(WEB_ARTIFACTS, 'units-06-body-phone.png'), fullPage: true });
    await page.setViewportSize(DESKTOP);
  });

  it('a leader of the new commune reads its own page; an officer has no unit section', async () => {
    await logOut();
    const leader = await signIn(t, Role.Leader, 'UBND-14218');
    await logIn(leader.user.email);
    await unitsLink().click();
    await page.getByRole('link', { name: 'UBND xã Hải Tiến' }).click();
    await page.getByRole('heading', { name: 'UBND xã Hải Tiến', level: 1 }).waitFor();
    await page.getByRole('checkbox', { name: 'Gồm lịch sử các đơn vị tiền thân' }).check();
    await section('Lịch sử các đơn vị tiền thân')
      .getByRole('row', { name: /UBND xã Hải Sơn/ })
      .waitFor();
    expect(await page.getByRole('button', { name: 'Tiếp nhận tỉnh' }).count()).toBe(0);
    await logOut();
    const officer = await signIn(t, Role.Officer, 'UBND-14218');
    await logIn(officer.user.email);
    expect(await unitsLink().count()).toBe(0);
    // Typed addresses lead back to the officer's inbox.
    for (const to of ['/don-vi/tiep-nhan-tinh', '/don-vi']) {
      await page.goto(`${baseUrl}${to}`);
      await page.getByRole('heading', { name: 'Công văn đến', level: 1 }).waitFor();
    }
    expect(pageErrors).toEqual([]);
  });
});
