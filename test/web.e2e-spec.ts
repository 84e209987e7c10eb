import { jest } from '@jest/globals';
import { Role } from '@app/database';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { type BrowserSession, openBrowser, WEB_ARTIFACTS } from './support/browser.js';
import { seedNamDinh, signIn, SignedIn } from './support/factories.js';
import { SEED, SEED_TEXT } from './support/seed-dispatch.js';
import { ackLinkPathIn, SmtpListener } from './support/smtp-listener.js';
import { createTestApp, TestApp } from './support/test-app.js';
import { createTestWorker, TestWorker } from './support/test-worker.js';

const REF = `${SEED.number}/${SEED.symbol}`;

// A one-page PDF (the attachment) and a 1×1 PNG (the photo evidence): real bytes, typed by content on the server.
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj 3 0 obj<</Type/Page/MediaBox[0 0 200 200]/Parent 2 0 R>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

/** Vietnam time "dd/mm/yyyy hh:mm" as the date fields take it, days from now at the given hour. */
const vnLocal = (days: number, hour: number) => {
  const [y, m, d] = new Date(Date.now() + 7 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10).split('-');
  return `${d}/${m}/${y} ${String(hour).padStart(2, '0')}:00`;
};

// A browser driving a whole rollout: one step takes 20-60 s on a 2-core machine under load.
jest.setTimeout(180_000);

/**
 * The whole 5207/CAT-PA05 rollout through the web only, in Debian's chromium against the api, worker,
 * PostgreSQL, Redis and an SMTP listener: PA05 composes it from its text and publishes; Hải Hậu acknowledges,
 * forwards to its communes and reports with a photo; a commune confirms and reports from its e-mail link;
 * the director reads the figures, map and chart, exports the PDF and drafts the chase letter.
 */

describe('The web product, whole rollout of 5207/CAT-PA05 in a real browser', () => {
  let smtp: SmtpListener;
  let t: TestApp;
  let worker: TestWorker;
  let web: BrowserSession;
  let page: Page;
  let baseUrl: string;
  let pa05: SignedIn;
  let haiHau: SignedIn;
  let director: SignedIn;
  let dispatchId: string;
  let pageErrors: string[];

  beforeAll(async () => {
    smtp = await SmtpListener.start();
    t = await createTestApp({ SMTP_URL: smtp.url });
    await seedNamDinh(t);
    worker = await createTestWorker(t.config);
    pa05 = await signIn(t, Role.Issuer, 'CA-36-PA05');
    haiHau = await signIn(t, Role.Officer, 'UBND-366');
    director = await signIn(t, Role.Leader, 'CA-36');
    web = await openBrowser(t, { acceptDownloads: true });
    ({ page, baseUrl, pageErrors } = web);
  }, 120_000);
  afterAll(async () => {
    await web?.close();
    await worker?.close();
    await t?.close();
    await smtp?.close();
  });

  // The state the browser was left in, for whoever reads a failure.
  afterEach(() => web?.shootAfterTest());

  const shoot = (name: string) => web.shoot(name);
  const logIn = (email: string) => web.logIn(email);
  const logOut = () => web.logOut();
  /** Picks an option of an antd Select found by its accessible name. */
  const choose = async (scope: Page | ReturnType<Page['locator']>, selectLabel: string, option: string) => {
    await scope.getByLabel(selectLabel, { exact: true }).click();
    await page.locator('.ant-select-dropdown:visible').getByTitle(option, { exact: true }).click();
  };

  it('serves the app from the api origin: files and client routes without a token, /api still guarded', async () => {
    const html = await t.http().get('/').expect(200);
    expect(html.text).toContain('<div id="root">');
    expect((await t.http().get('/cong-van-den/abc').set('Accept', 'text/html').expect(200)).text).toContain('<div id="root">');
    await t.http().get('/favicon.svg').expect(200);
    await t.http().get('/api/v1/inbox').expect(401);
    // An unknown api route stays the api's 404, never the web page.
    const missing = await t.http().get('/api/v1/no-such-route').set('Accept', 'text/html');
    expect([401, 404]).toContain(missing.status);
    expect(missing.text).not.toContain('<div id="root">');
    await t.http().get('/api/health').expect(200);
  });

  it('a wrong password shows the api message', async () => {
    await page.goto(`${baseUrl}/dang-nhap`);
    await page.getByLabel('Thư điện tử').fill(haiHau.user.email);
    await page.getByLabel('Mật khẩu').fill('wrong password');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('alert').waitFor();
    expect((await page.getByRole('alert').textContent())?.length).toBeGreaterThan(5);
    await shoot('01-login');
  });

  it('PA05 composes 5207 from its text, addresses it, previews the count and publishes it', async () => {
    await logIn(pa05.user.email);
    await page.getByRole('heading', { name: 'Công văn đi' }).waitFor();
    await page.getByRole('button', { name: 'Soạn công văn mới' }).click();
    await page.getByRole('heading', { name: 'Soạn công văn mới' }).waitFor();
    await page.getByLabel('Văn bản công văn').fill(SEED_TEXT);
    await page.getByRole('button', { name: 'Điền từ văn bản' }).click();
    await expectValue('Trích yếu', SEED.subject);
    await expectValue('Ký hiệu', SEED.symbol);
    expect(await page.getByLabel(/^Nhiệm vụ \d+$/).count()).toBe(SEED.tasks.length);

    await choose(page, 'Hình thức của nhiệm vụ 2', 'Loa truyền thanh');
    await page.keyboard.press('Escape');
    await fillDate('Hạn xác nhận đã nhận', vnLocal(0, 0)); // already past: the other districts will be late
    await fillDate('Hạn chuyển tiếp xuống cấp dưới', vnLocal(2, 17));
    await fillDate('Hạn báo cáo kết quả', vnLocal(14, 17));

    await page.getByRole('button', { name: 'Tất cả sở, ban, ngành' }).click();
    await page.getByRole('button', { name: 'Tất cả UBND cấp huyện' }).click();
    await page.getByRole('button', { name: 'Thêm đơn vị từ cây đơn vị' }).click();
    await page.getByLabel('Chọn đơn vị nhận').last().click();
    await page.keyboard.type('Ban Giám đốc');
    await page.locator('[title="Ban Giám đốc Công an tỉnh Nam Định"]:visible').first().click();
    await page.keyboard.press('Escape');
    await choose(page, 'Mục đích của dòng nơi nhận 3', 'Để báo cáo');
    // The choice shows before saving (a click lost while the dropdown opened once left it "Để thực hiện").
    const reportLine = page.locator('.ant-select', { hasText: 'Để báo cáo' });
    if (!(await reportLine.first().isVisible())) await choose(page, 'Mục đích của dòng nơi nhận 3', 'Để báo cáo');
    await reportLine.first().waitFor();

    await page.getByRole('button', { name: 'Lưu nháp' }).click();
    const departments: { n: number }[] = await t.db.query(`SELECT count(*)::int AS n FROM units WHERE type = 'department' AND active`);
    const units = departments[0].n + 10 + 1;
    const preview = page.locator('.ant-card', { hasText: 'Xem trước nơi nhận' });
    await preview.getByText('Địa chỉ e-mail').waitFor();
    await page.locator('.ant-statistic', { hasText: 'Đơn vị nhận' }).getByText(String(units), { exact: true }).waitFor();

    await page
      .locator('.ant-upload-drag input[type=file]')
      .first()
      .setInputFiles({ name: 'cong-van-5207.pdf', mimeType: 'application/pdf', buffer: PDF });
    await page.getByText('cong-van-5207.pdf').first().waitFor();
    await shoot('02-compose');

    await page.getByRole('button', { name: 'Ban hành', exact: true }).click();
    const confirm = page.getByRole('dialog');
    await confirm.getByText(`${units} đơn vị`).waitFor();
    expect(await confirm.textContent()).toMatch(/\d+ địa chỉ e-mail/);
    await confirm.getByRole('button', { name: 'Ban hành' }).click();
    await page.getByRole('heading', { name: `Theo dõi công văn ${REF}` }).waitFor();
    dispatchId = page.url().split('/').pop()!;
    const row: { status: string }[] = await t.db.query(`SELECT status FROM dispatches WHERE id = $1`, [dispatchId]);
    expect(row[0].status).toBe('published');
    await page.getByText('Ban Giám đốc Công an tỉnh Nam Định').first().waitFor();
    await shoot('03-rollout');
    await logOut();
  });

  it('Hải Hậu acknowledges, forwards to its communes and reports an activity with a photo', async () => {
    await logIn(haiHau.user.email);
    await page.getByRole('heading', { name: 'Công văn đến' }).waitFor();
    await page.getByLabel('Tìm theo số ký hiệu, trích yếu').fill('5207');
    await page.keyboard.press('Enter');
    await page.waitForURL(/q=5207/);
    await shoot('04-inbox');
    await page.getByRole('link', { name: REF }).click();
    await page.getByRole('heading', { name: `Công văn ${REF}` }).waitFor();
    await page.getByRole('button', { name: 'Xác nhận đã nhận' }).click();
    await page.locator('#delivery-status [data-status="accepted"]').waitFor();

    await page.getByRole('button', { name: 'Chuyển tiếp' }).click();
    const forward = page.getByRole('form', { name: 'Chuyển tiếp' });
    await forward.getByLabel('Ý kiến chỉ đạo').fill('Các xã phát trên loa truyền thanh 3 buổi liên tiếp.');
    await forward.getByRole('button', { name: 'Chuyển tiếp' }).click();
    const communes: { n: number }[] = await t.db.query(
      `SELECT count(*)::int AS n FROM units WHERE type = 'peoples_committee' AND parent_id = (SELECT id FROM units WHERE code = 'UBND-366')`,
    );
    await page.getByText(`Đã chuyển tiếp cho ${communes[0].n} đơn vị.`).waitFor();
    await page.getByText(`Đơn vị cấp dưới đã nhận (${communes[0].n})`).waitFor();
    // "Nhắc": a reminder e-mail to one commune, now.
    await page
      .getByRole('button', { name: /^Nhắc / })
      .first()
      .click();
    await page.getByText(/Đã gửi nhắc \(\d+ e-mail\)\./).waitFor();

    await page.getByRole('button', { name: 'Báo cáo kết quả' }).click();
    const report = page.getByRole('form', { name: 'Báo cáo kết quả' });
    await choose(report, 'Hình thức', 'Họp dân');
    await report.getByLabel('Số người được tuyên truyền').fill('120');
    await report.getByLabel('Địa điểm').fill('Hội trường UBND huyện');
    await report.locator('input[type=file]').first().setInputFiles({ name: 'hop-dan.png', mimeType: 'image/png', buffer: PNG });
    await report.getByRole('button', { name: 'Gửi báo cáo' }).click();
    await page.getByText('Hoạt động đã báo cáo (1)').waitFor();
    await page.getByRole('img', { name: 'Minh chứng: hop-dan.png' }).waitFor();
    await shoot('05-delivery-hai-hau');
    await logOut();
  });

  it('a commune confirms through its e-mail link, reports a loudspeaker broadcast and forwards to its police', async () => {
    const [commune]: { name: string; email: string }[] = await t.db.query(
      `SELECT u.name, u.emails[1] AS email FROM deliveries d JOIN units u ON u.id = d.unit_id
        WHERE d.dispatch_id = $1 AND u.type = 'peoples_committee' AND u.level = 'commune' AND cardinality(u.emails) > 0 ORDER BY u.path LIMIT 1`,
      [dispatchId],
    );
    const mail = await smtp.waitForMailTo(commune.email);
    const linkPath = ackLinkPathIn(mail);
    await page.goto(`${baseUrl}${linkPath}`);
    await page.getByRole('link', { name: 'Mở trang xử lý công văn' }).click();
    await page.getByRole('heading', { name: `Công văn ${REF}` }).waitFor();
    await page.getByText(commune.name).first().waitFor();
    // The passages 5207 marks **bold** show bold, without the stars.
    await page.locator('.decree .tasks strong', { hasText: 'Cẩm nang nhận diện, phòng chống lừa đảo trực tuyến' }).waitFor();
    expect(await page.locator('.decree').innerText()).not.toContain('**');
    await page.getByLabel('Họ tên người nhận').fill('Trần Thị Văn Thư');
    await page.getByRole('button', { name: 'Xác nhận đã nhận' }).click();
    await page.locator('#delivery-status [data-status="accepted"]').waitFor();

    await page.getByRole('button', { name: 'Báo cáo kết quả' }).click();
    const report = page.getByRole('form', { name: 'Báo cáo kết quả' });
    await choose(report, 'Hình thức', 'Loa truyền thanh');
    await report.getByLabel('Số lượng (buổi, lượt, tờ)').fill('3');
    await report.getByLabel('Mô tả').fill('Phát 3 buổi trên loa truyền thanh xã.');
    await report.getByRole('button', { name: 'Gửi báo cáo' }).click();
    await page.getByText('Hoạt động đã báo cáo (1)').waitFor();

    await page.getByRole('button', { name: 'Chuyển tiếp' }).click();
    await page.getByRole('form', { name: 'Chuyển tiếp' }).getByRole('button', { name: 'Chuyển tiếp' }).click();
    await page.getByText('Đã chuyển tiếp cho').first().waitFor();
    await shoot('06-commune-link');

    const [activity]: { channel: string; reported_by: string | null }[] = await t.db.query(
      `SELECT a.channel, a.reported_by FROM activities a JOIN units u ON u.id = a.unit_id WHERE a.dispatch_id = $1 AND u.name = $2`,
      [dispatchId, commune.name],
    );
    expect(activity).toEqual({ channel: 'loudspeaker', reported_by: null });
    const audit: { ip: string | null; actor_name: string }[] = await t.db.query(
      `SELECT ip, actor_name FROM audit_events WHERE dispatch_id = $1 AND entity_type = 'activity' AND actor_user_id IS NULL`,
      [dispatchId],
    );
    expect(audit.length).toBeGreaterThan(0);
    expect(audit[0].ip).toBeTruthy();
    expect(audit[0].actor_name).toMatch(/^Qua liên kết e-mail \(.*Chrome/);
  });

  it('the director\'s inbox holds the Ban Giám đốc\'s copy "để báo cáo", which the director acknowledges', async () => {
    await logIn(director.user.email);
    await page.getByRole('heading', { name: 'Bảng theo dõi' }).waitFor();
    await page.getByRole('link', { name: 'Công văn đến' }).click();
    await page.getByRole('heading', { name: 'Công văn đến' }).waitFor();
    await page.getByText('Gửi Ban Giám đốc Công an tỉnh Nam Định').first().waitFor();
    await page.getByRole('link', { name: REF }).click();
    await page.getByText('Để báo cáo').first().waitFor();
    await page.getByRole('button', { name: 'Xác nhận đã nhận' }).click();
    await page.locator('#delivery-status [data-status="accepted"]').waitFor();
    const [ack]: { code: string; ack_method: string }[] = await t.db.query(
      `SELECT u.code, d.ack_method FROM deliveries d JOIN units u ON u.id = d.unit_id WHERE d.dispatch_id = $1 AND d.purpose = 'report'`,
      [dispatchId],
    );
    expect(ack).toEqual({ code: 'CA-36-BGD', ack_method: 'web' });
  });

  it('the director sees the figures, the map and the chart, exports the PDF and drafts a chase letter', async () => {
    await page.getByRole('link', { name: 'Bảng theo dõi' }).click();
    await page.getByRole('heading', { name: 'Bảng theo dõi' }).waitFor();
    const api = (await t.http().get('/api/v1/reports/dashboard').set(director.auth).expect(200)).body.items.find(
      (d: { id: string }) => d.id === dispatchId,
    );
    const row = page.locator(`tr[data-dispatch-id="${dispatchId}"]`);
    await row.waitFor();
    expect(await row.textContent()).toContain(String(api.total));
    await shoot('07-dashboard');

    await row.getByRole('link', { name: REF }).click();
    await page.getByRole('heading', { name: `Báo cáo triển khai ${REF}` }).waitFor();
    await page.getByTestId('district-map').locator('canvas').waitFor();
    await page.getByTestId('ack-curve').locator('canvas').waitFor();
    const figures = await page.locator('.figures').textContent();
    expect(figures).toContain(String(api.total));
    await page
      .getByText('Huyện Hải Hậu')
      .first()
      .waitFor({ state: 'attached' })
      .catch(() => undefined);
    await page.getByRole('treeitem').first().waitFor();
    await shoot('08-report');

    const download = page.waitForEvent('download', { timeout: 60_000 });
    await page.getByRole('button', { name: 'Xuất PDF' }).click();
    const file = await download;
    const saved = path.join(WEB_ARTIFACTS, file.suggestedFilename());
    await file.saveAs(saved);
    expect(readFileSync(saved).subarray(0, 5).toString()).toBe('%PDF-');
    expect(file.suggestedFilename()).toMatch(/\.pdf$/);

    await page.getByRole('button', { name: 'Soạn công văn đôn đốc' }).click();
    await page.getByRole('heading', { name: 'Sửa bản nháp công văn' }).waitFor();
    await expectValue('Trích yếu', /đôn đốc/);
    await shoot('09-chase-draft');
    expect(pageErrors).toEqual([]);
  });

  async function fillDate(labelText: string, value: string) {
    const input = page.getByLabel(labelText, { exact: true });
    await input.click();
    await input.fill(value);
    await page.keyboard.press('Enter');
    await expectValue(labelText, value);
  }

  async function expectValue(labelText: string, expected: string | RegExp) {
    const input = page.getByLabel(labelText, { exact: true });
    let value = '';
    for (let i = 0; i < 100; i++) {
      value = await input.inputValue();
      if (typeof expected === 'string' ? value === expected : expected.test(value)) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`${labelText}: "${value}" does not match ${String(expected)}`);
  }
});
