import { jest } from '@jest/globals';
import { Delivery, Role } from '@app/database';
import type { Locator, Page } from 'playwright-core';
import { type BrowserSession, DESKTOP, openBrowser, PHONE } from './support/browser.js';
import { seedNamDinh, signIn, SignedIn, unitByCode } from './support/factories.js';
import { SEED, seedDispatchDto } from './support/seed-dispatch.js';
import { ackLinkPathIn, SmtpListener } from './support/smtp-listener.js';
import { createTestApp, TestApp } from './support/test-app.js';
import { TestClock } from './support/test-clock.js';
import { createTestWorker, TestWorker } from './support/test-worker.js';

const REF = `${SEED.number}/${SEED.symbol}`;
const NAM_DINH = 'UBND thành phố Nam Định';
const PDF = Buffer.from('%PDF-1.4\n% Công văn 5207 (bản thay thế)\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
type BrowserWindow = { getComputedStyle(e: unknown): { textDecorationLine: string } };
const REASON = 'Ban hành nhầm phạm vi; sẽ ban hành văn bản khác thay thế.';

// A browser driving several screens: one step takes 20-60 s on a 2-core machine under load.
jest.setTimeout(180_000);

/**
 * Issue 12 in chromium: PA05 publishes a khẩn dispatch to UBND huyện Hải Hậu and UBND thành phố Nam Định; Hải Hậu
 * acknowledges, Nam Định does not and is reminded twice. On the rollout page PA05 edits the reminder rule,
 * reads the plan and the history ("đã nhắc 2 lần, lần cuối 08:30 05/12"), publishes a replacement version and
 * follows the re-acknowledgement; Hải Hậu acknowledges again; PA05 recalls with a reason; Hải Hậu's inbox,
 * delivery page and Nam Định's link page show it struck through, with the reason and no action left.
 */
describe('The web: reminders, a new version and recall (thu hồi) in a real browser', () => {
  // Tuesday 1 December 2026, 09:00 in Vietnam: working-day deadlines fall on fixed days whatever the real date.
  const clock = new TestClock('2026-12-01T09:00:00+07:00');
  let smtp: SmtpListener;
  let t: TestApp;
  let worker: TestWorker;
  let web: BrowserSession;
  let page: Page;
  let pa05: SignedIn;
  let haiHau: SignedIn;
  let dispatchId: string;
  let haiHauDelivery: Delivery;
  let namDinhDelivery: Delivery;

  beforeAll(async () => {
    smtp = await SmtpListener.start();
    t = await createTestApp({ SMTP_URL: smtp.url }, { clock });
    await seedNamDinh(t);
    worker = await createTestWorker(t.config, {}, clock);
    pa05 = await signIn(t, Role.Issuer, 'CA-36-PA05');
    haiHau = await signIn(t, Role.Officer, 'UBND-366');
    const recipients = await Promise.all(
      ['UBND-366', 'UBND-356'].map(async (code) => ({ purpose: 'coordinate', unitId: (await unitByCode(t, code)).id })),
    );
    const dto = seedDispatchDto(
      { directorUnitId: (await unitByCode(t, 'CA-36-BGD')).id, archiveUnitIds: [] },
      {
        issuedDate: '2026-12-01',
        urgency: 'khan',
        recipients,
        ackDueAt: undefined,
        forwardDueAt: undefined,
        reportDueAt: undefined,
        ackDueWorkingDays: 3,
        forwardDueWorkingDays: 5,
        reportDueWorkingDays: 10,
      },
    );
    dispatchId = (await t.http().post('/api/v1/dispatches').set(pa05.auth).send(dto).expect(201)).body.id;
    await t.http().post(`/api/v1/dispatches/${dispatchId}/publish`).set(pa05.auth).expect(200);
    const deliveries = t.db.getRepository(Delivery);
    haiHauDelivery = await deliveries.findOneByOrFail({ dispatchId, unitId: haiHau.user.unitId });
    namDinhDelivery = await deliveries.findOneByOrFail({ dispatchId, unitId: (await unitByCode(t, 'UBND-356')).id });
    await t.http().post(`/api/v1/deliveries/${haiHauDelivery.id}/acknowledge`).set(haiHau.auth).send({}).expect(200);
    // Nam Định has not acknowledged: PA05 presses "Nhắc" on Friday afternoon and again on Saturday morning.
    clock.set('2026-12-04T15:00:00+07:00');
    await t.http().post(`/api/v1/deliveries/${namDinhDelivery.id}/remind`).set(pa05.auth).expect(200);
    clock.set('2026-12-05T08:30:00+07:00');
    await t.http().post(`/api/v1/deliveries/${namDinhDelivery.id}/remind`).set(pa05.auth).expect(200);
    web = await openBrowser(t);
    page = web.page;
  }, 120_000);
  afterAll(async () => {
    await web?.close();
    await worker?.close();
    await t?.close();
    await smtp?.close();
  });
  afterEach(() => web?.shootAfterTest('follow-up-'));

  const rollout = () => page.goto(`${web.baseUrl}/cong-van/${dispatchId}`);
  const reminders = () => page.getByTestId('reminders-card');
  /** Drawn with a line through it (CSS text-decoration), as a recalled dispatch is everywhere. */
  const struck = async (l: Locator): Promise<boolean> =>
    // Runs in the page, where getComputedStyle exists (the tests are compiled without the DOM types).
    (await l.evaluate((e) => (globalThis as unknown as BrowserWindow).getComputedStyle(e).textDecorationLine)).includes('line-through');
  /** Nothing scrolls sideways on a phone. */
  const fitsPhone = async () => {
    await page.setViewportSize(PHONE);
    await page.waitForTimeout(300);
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(PHONE.width);
    await page.setViewportSize(DESKTOP);
  };

  it('PA05 reads the reminder plan and history, then gives the dispatch its own rule', async () => {
    await web.logIn(pa05.user.email);
    await rollout();
    await page.getByRole('heading', { name: `Theo dõi công văn ${REF}` }).waitFor();
    const card = reminders();
    await card.getByText('Theo độ khẩn Khẩn').waitFor();
    // The plan of each deadline, on the working-day calendar, in Vietnam time.
    const plan = card.getByRole('region', { name: 'Kế hoạch nhắc' });
    for (const step of ['Xác nhận', 'Chuyển tiếp', 'Báo cáo']) await plan.getByRole('cell', { name: step, exact: true }).waitFor();
    // The history, in the words of the issue; the rollout table says the same for the unit.
    const history = card.getByRole('region', { name: 'Lịch sử nhắc' });
    const row = history.getByRole('row', { name: new RegExp(NAM_DINH) });
    await row.getByText('đã nhắc 2 lần, lần cuối 08:30 05/12', { exact: true }).waitFor();
    await card.getByText('Lịch sử nhắc: 1 đơn vị, 2 lần nhắc, 0 lần báo cấp trên').waitFor();
    await page
      .getByRole('region', { name: 'Tình trạng từng đơn vị' })
      .getByRole('row', { name: new RegExp(NAM_DINH) })
      .getByText('đã nhắc 2 lần, lần cuối 08:30 05/12')
      .waitFor();
    // Its reminder e-mails are listed as such beside the notice.
    expect(
      await page
        .getByRole('region', { name: 'Tình trạng từng đơn vị' })
        .getByRole('row', { name: new RegExp(NAM_DINH) })
        .getByText('· Nhắc việc')
        .count(),
    ).toBe(2);
    await web.shoot('follow-up-01-reminders');
    await fitsPhone();

    await card.getByRole('button', { name: 'Sửa quy định nhắc' }).click();
    const form = card.getByRole('form', { name: 'Quy định nhắc việc' });
    await form.getByLabel('Nhắc lại sau hạn mỗi').fill('2');
    await form.getByLabel('Số lần nhắc sau hạn tối đa').fill('3');
    await form.getByRole('button', { name: 'Lưu quy định' }).click();
    await card.getByText('Quy định riêng của công văn').waitFor();
    await card.getByText('mỗi 2 ngày làm việc, tối đa 3 lần').waitFor();
    const [{ rule }] = await t.db.query(`SELECT reminder_rule AS rule FROM dispatches WHERE id = $1`, [dispatchId]);
    expect(rule).toMatchObject({ cadenceUnit: 'working_days', every: 2, maxAfter: 3 });
    await web.shoot('follow-up-02-rule-edited');
  });

  it('PA05 publishes a replacement version and sees who must acknowledge it again', async () => {
    await page.getByRole('button', { name: 'Văn bản thay thế / đính chính' }).click();
    const dialog = page.getByRole('dialog', { name: 'Văn bản thay thế / đính chính' });
    await dialog.getByLabel('Nội dung thay đổi').fill('Thay tệp ký số bị lỗi chữ ký.');
    await dialog
      .locator('input[type=file]')
      .setInputFiles({ name: 'Công văn 5207 — bản thay thế.pdf', mimeType: 'application/pdf', buffer: PDF });
    await dialog.getByText('Công văn 5207 — bản thay thế.pdf').waitFor();
    await web.shoot('follow-up-03-new-version-form');
    await dialog.getByRole('button', { name: 'Ban hành phiên bản mới' }).click();
    await dialog.waitFor({ state: 'hidden' });

    const versions = page.getByTestId('versions-card');
    await versions.getByText('Phiên bản hiện hành: 2').waitFor();
    await versions.getByText('Thay tệp ký số bị lỗi chữ ký.').waitFor();
    await page.getByTestId('reack-progress').getByText('Xác nhận lại: 0/1 đơn vị').waitFor();
    await page
      .getByRole('region', { name: 'Tình trạng từng đơn vị' })
      .getByRole('row', { name: /Hải Hậu/ })
      .getByText('Chờ xác nhận lại')
      .waitFor();
    const [{ version }] = await t.db.query(`SELECT version FROM dispatches WHERE id = $1`, [dispatchId]);
    expect(version).toBe(2);
    await web.shoot('follow-up-04-reack-progress');
    await web.logOut();
  });

  it('Hải Hậu is told to acknowledge the new version and does it', async () => {
    await web.logIn(haiHau.user.email);
    await page.getByRole('heading', { name: 'Công văn đến' }).waitFor();
    const inbox = page.getByRole('region', { name: 'Danh sách công văn đến' });
    await inbox.getByText('Cần xác nhận lại (phiên bản 2)').waitFor();
    await page.goto(`${web.baseUrl}/cong-van-den/${haiHauDelivery.id}`);
    await page.getByText('Công văn đã có phiên bản mới (phiên bản 2): đơn vị cần xác nhận lại đã nhận.').waitFor();
    await page.getByText('Công văn 5207 — bản thay thế.pdf').first().waitFor();
    await web.shoot('follow-up-05-reack-asked');
    await page.getByRole('button', { name: 'Xác nhận lại' }).click();
    await page.getByText('Đã xác nhận lại phiên bản mới.').waitFor();
    await page.getByRole('button', { name: 'Xác nhận lại' }).waitFor({ state: 'detached' });
    const acks = await t.db.query(`SELECT version FROM delivery_acknowledgements WHERE delivery_id = $1 ORDER BY version`, [
      haiHauDelivery.id,
    ]);
    expect(acks).toEqual([{ version: 1 }, { version: 2 }]);
    await web.logOut();
  });

  it('PA05 sees the re-acknowledgement, then recalls the dispatch with a reason', async () => {
    await web.logIn(pa05.user.email);
    await rollout();
    await page.getByTestId('reack-progress').getByText('Xác nhận lại: 1/1 đơn vị').waitFor();

    await page.getByRole('button', { name: 'Thu hồi' }).click();
    const dialog = page.getByRole('dialog', { name: 'Thu hồi công văn' });
    // The reason is required: the button stays disabled until it is given.
    expect(await dialog.getByRole('button', { name: 'Thu hồi' }).isDisabled()).toBe(true);
    await dialog.getByLabel('Lý do thu hồi (bắt buộc)').fill(REASON);
    await dialog.getByRole('button', { name: 'Thu hồi' }).click();
    await dialog.waitFor({ state: 'hidden' });

    await page.locator('.recalled-notice').getByText('Đã thu hồi').waitFor();
    await page.getByText(`Lý do thu hồi: ${REASON}`).waitFor();
    expect(await struck(page.getByTestId('dispatch-subject'))).toBe(true);
    // Read-only from now on: no follow-up or rollout action is offered.
    for (const name of ['Thu hồi', 'Văn bản thay thế / đính chính', 'Gửi thêm đơn vị', 'Kết thúc', 'Sửa quy định nhắc', 'Gửi lại']) {
      expect(await page.getByRole('button', { name, exact: true }).count()).toBe(0);
    }
    const statuses = await t.db.query(`SELECT DISTINCT status FROM deliveries WHERE dispatch_id = $1`, [dispatchId]);
    expect(statuses).toEqual([{ status: 'recalled' }]);
    // The units that had acknowledged still count as acknowledged: the recall moved their status, not the fact.
    const [{ acked }] = await t.db.query(
      `SELECT count(*)::int AS acked FROM deliveries WHERE dispatch_id = $1 AND acknowledged_at IS NOT NULL`,
      [dispatchId],
    );
    expect(acked).toBeGreaterThan(0);
    const tile = page.locator('.ant-statistic').filter({ has: page.getByText('Đã xác nhận', { exact: true }) });
    expect((await tile.locator('.ant-statistic-content').innerText()).trim()).toBe(String(acked));
    await web.shoot('follow-up-06-recalled-rollout');
    await fitsPhone();
    await web.logOut();
  });

  it('Hải Hậu sees the dispatch struck through with the reason, and can only read it', async () => {
    await web.logIn(haiHau.user.email);
    const inbox = page.getByRole('region', { name: 'Danh sách công văn đến' });
    const row = inbox.getByRole('row', { name: new RegExp(REF) });
    await row.getByText(`Đã thu hồi: ${REASON}`).waitFor();
    expect(await struck(row.locator('.subject'))).toBe(true);
    await web.shoot('follow-up-07-recalled-inbox');

    await page.goto(`${web.baseUrl}/cong-van-den/${haiHauDelivery.id}`);
    await page.getByText(`Lý do thu hồi: ${REASON}`).waitFor();
    expect(await struck(page.getByTestId('delivery-title'))).toBe(true);
    expect(await struck(page.getByTestId('delivery-subject'))).toBe(true);
    await page
      .getByRole('heading', { name: `Công văn ${REF}` })
      .getByText('Đã thu hồi')
      .waitFor();
    for (const name of ['Xác nhận đã nhận', 'Xác nhận lại', 'Từ chối', 'Chuyển tiếp', 'Báo cáo kết quả']) {
      expect(await page.getByRole('button', { name, exact: true }).count()).toBe(0);
    }
    await web.shoot('follow-up-08-recalled-delivery');
    await fitsPhone();
    await web.logOut();
  });

  it("Nam Định's e-mail link page shows the recall too, with nothing to confirm", async () => {
    const mail = await smtp.waitForMailTo('ubnd-356@namdinh.example');
    await page.goto(`${web.baseUrl}${ackLinkPathIn(mail)}`);
    await page.getByRole('link', { name: 'Mở trang xử lý công văn' }).click();
    await page.getByText(`Lý do thu hồi: ${REASON}`).waitFor();
    expect(await struck(page.getByTestId('delivery-title'))).toBe(true);
    for (const name of ['Xác nhận đã nhận', 'Xác nhận lại', 'Báo cáo kết quả', 'Chuyển tiếp']) {
      expect(await page.getByRole('button', { name, exact: true }).count()).toBe(0);
    }
    expect(await page.getByLabel('Họ tên người nhận').count()).toBe(0);
    await web.shoot('follow-up-09-recalled-link');
    expect(web.pageErrors).toEqual([]);
  });
});
