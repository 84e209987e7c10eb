import { jest } from '@jest/globals';
import { Role } from '@app/database';
import type { Page } from 'playwright-core';
import { type BrowserSession, DESKTOP, openBrowser, PHONE } from './support/browser.js';
import { seedNamDinh, signIn, SignedIn, unitByCode } from './support/factories.js';
import { SEED, seedDispatchDto } from './support/seed-dispatch.js';
import { ackLinkPathIn, SmtpListener } from './support/smtp-listener.js';
import { createTestApp, TestApp } from './support/test-app.js';
import { createTestWorker, TestWorker } from './support/test-worker.js';

const REF = `${SEED.number}/${SEED.symbol}`;
const PASSWORD = 'Loa-phát-thanh-xã-3-buổi!';

jest.setTimeout(120_000);

interface Commune {
  id: string;
  name: string;
  email: string;
}

/** The first UBND xã with an e-mail address under the district of this code. */
const communeUnder = async (t: TestApp, districtCode: string): Promise<Commune> =>
  (
    await t.db.query(
      `SELECT id, name, emails[1] AS email FROM units
        WHERE parent_id = (SELECT id FROM units WHERE code = $1 AND retired_on IS NULL)
          AND type = 'peoples_committee' AND active AND cardinality(emails) > 0 ORDER BY code LIMIT 1`,
      [districtCode],
    )
  )[0];

/**
 * Issue 11, item 3, in chromium from the e-mail onwards: the admin allows UBND huyện Hải Hậu's units to create
 * their account from their link, on the unit page; PA05 publishes 5207 to a commune of Hải Hậu and one of Giao
 * Thủy; the Hải Hậu commune opens the link in its e-mail, creates its account on the link page, signs in at the
 * login page and finds 5207 in its inbox; the Giao Thủy commune's page offers nothing. Desktop and phone shots.
 */
describe('The web: a commune creates its account from the link in its e-mail', () => {
  let smtp: SmtpListener;
  let t: TestApp;
  let worker: TestWorker;
  let web: BrowserSession;
  let page: Page;
  let admin: SignedIn;
  let allowed: Commune;
  let refused: Commune;

  beforeAll(async () => {
    smtp = await SmtpListener.start();
    t = await createTestApp({ SMTP_URL: smtp.url });
    await seedNamDinh(t);
    worker = await createTestWorker(t.config);
    admin = await signIn(t, Role.Admin, 'HE-THONG');
    allowed = await communeUnder(t, 'UBND-366');
    refused = await communeUnder(t, 'UBND-365');
    web = await openBrowser(t);
    page = web.page;
  }, 120_000);
  afterAll(async () => {
    await web?.close();
    await worker?.close();
    await t?.close();
    await smtp?.close();
  });
  afterEach(() => web?.shootAfterTest('link-signup-'));

  /** The link page (/lien-ket/<token>) reached the way a commune does: the link in its e-mail, then the page's own link. */
  const openLinkFromMail = async (commune: Commune) => {
    const mail = await smtp.waitForMailTo(commune.email);
    await page.goto(`${web.baseUrl}${ackLinkPathIn(mail)}`);
    await page.getByRole('link', { name: 'Mở trang xử lý công văn' }).click();
    await page.getByRole('heading', { name: `Công văn ${REF}` }).waitFor();
    await page.getByText(commune.name).first().waitFor();
  };

  it("the admin allows it on UBND huyện Hải Hậu's page; a commune's page shows it applies there too", async () => {
    const haiHau = await unitByCode(t, 'UBND-366');
    await web.logIn(admin.user.email);
    await page.goto(`${web.baseUrl}/don-vi/${haiHau.id}`);
    await page.getByRole('heading', { name: haiHau.name, level: 1 }).waitFor();
    const setting = page.getByRole('radiogroup', { name: 'Cho phép đơn vị tự tạo tài khoản qua liên kết' });
    expect(await setting.getByRole('radio', { name: 'Theo đơn vị cấp trên' }).isChecked()).toBe(true);
    await page.getByTestId('link-signup-applied').getByText('Đang áp dụng: không cho phép (chưa đơn vị nào ở trên cho phép).').waitFor();
    await setting.getByRole('radio', { name: 'Cho phép', exact: true }).click();
    await page.getByTestId('link-signup-applied').getByText('Đang áp dụng: cho phép, theo cài đặt của chính đơn vị này.').waitFor();
    const audit: { actor_user_id: string; after: unknown }[] = await t.db.query(
      `SELECT actor_user_id, after FROM audit_events WHERE action = 'unit.link_signup_changed' AND entity_id = $1`,
      [haiHau.id],
    );
    expect(audit).toEqual([{ actor_user_id: admin.user.id, after: { linkSignup: 'allow' } }]);
    await web.shoot('link-signup-01-unit-setting');

    await page.goto(`${web.baseUrl}/don-vi/${allowed.id}`);
    await page.getByRole('heading', { name: allowed.name, level: 1 }).waitFor();
    await page.getByTestId('link-signup-applied').getByText(`Đang áp dụng: cho phép, theo ${haiHau.name}.`).waitFor();
    await web.logOut();

    // PA05 publishes 5207 to a commune of Hải Hậu and one of Giao Thủy (not allowed); the worker mails both.
    const pa05 = await signIn(t, Role.Issuer, 'CA-36-PA05');
    const dto = seedDispatchDto(
      { directorUnitId: (await unitByCode(t, 'CA-36-BGD')).id, archiveUnitIds: [] },
      {
        recipients: [allowed, refused].map((c) => ({ purpose: 'action', unitId: c.id })),
        ackDueAt: '2099-01-10T17:00:00+07:00',
        forwardDueAt: '2099-01-12T17:00:00+07:00',
        reportDueAt: '2099-02-01T17:00:00+07:00',
      },
    );
    const dispatchId = (await t.http().post('/api/v1/dispatches').set(pa05.auth).send(dto).expect(201)).body.id;
    await t.http().post(`/api/v1/dispatches/${dispatchId}/publish`).set(pa05.auth).expect(200);
  });

  it('the Hải Hậu commune creates its account on the link page, signs in and finds 5207 in its inbox', async () => {
    await openLinkFromMail(allowed);
    const card = page.locator('.ant-card', { hasText: 'Tài khoản của đơn vị' });
    await card.getByText(`${allowed.name} chưa có tài khoản trên hệ thống.`).waitFor();
    await web.shoot('link-signup-02-offer');

    await card.getByRole('button', { name: 'Tạo tài khoản cho đơn vị' }).click();
    const form = page.getByRole('form', { name: 'Tạo tài khoản cho đơn vị' });
    await form.getByLabel('Họ và tên').fill('Trần Thị Văn Thư');
    await form.getByLabel('Thư điện tử').fill('vanthu@xa-hai-hau.example');
    // A password the one rule refuses: the api's reason shows, and nothing is created.
    await form.getByLabel('Mật khẩu', { exact: true }).fill('aaaaaaaaaaaa');
    await form.getByLabel('Nhập lại mật khẩu').fill('aaaaaaaaaaaa');
    await form.getByRole('button', { name: 'Tạo tài khoản' }).click();
    await form
      .getByRole('alert')
      .getByText(/Mật khẩu quá dễ đoán/)
      .waitFor();
    await web.shoot('link-signup-03-form-refused');
    // On a phone the form fits the width: nothing scrolls sideways.
    await page.setViewportSize(PHONE);
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(PHONE.width);
    await page.setViewportSize(DESKTOP);

    await form.getByLabel('Mật khẩu', { exact: true }).fill(PASSWORD);
    await form.getByLabel('Nhập lại mật khẩu').fill(PASSWORD);
    await form.getByRole('button', { name: 'Tạo tài khoản' }).click();
    await page.getByText(`Đã tạo tài khoản vanthu@xa-hai-hau.example cho ${allowed.name}.`).waitFor();
    await web.shoot('link-signup-04-created');
    const [user]: { role: string; unit_id: string }[] = await t.db.query(`SELECT role, unit_id FROM users WHERE email = $1`, [
      'vanthu@xa-hai-hau.example',
    ]);
    expect(user).toEqual({ role: 'officer', unit_id: allowed.id });
    const [audit]: { actor_name: string; ip: string | null }[] = await t.db.query(
      `SELECT actor_name, ip FROM audit_events WHERE action = 'user.created_by_link' AND actor_unit_id = $1`,
      [allowed.id],
    );
    expect(audit.actor_name).toMatch(/^Qua liên kết e-mail \(.*Chrome/);
    expect(audit.ip).toBeTruthy();

    // "Đăng nhập" leads to the login page with the new e-mail filled in.
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
    expect(await page.getByLabel('Thư điện tử').inputValue()).toBe('vanthu@xa-hai-hau.example');
    await page.getByLabel('Mật khẩu').fill(PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('heading', { name: 'Công văn đến', level: 1 }).waitFor();
    await page.getByRole('link', { name: REF }).first().waitFor();
    await web.shoot('link-signup-05-inbox');
    await web.logOut();
    expect(web.pageErrors).toEqual([]);
  });

  it('the page no longer offers it to that commune, and never to the Giao Thủy one (whose api call is refused)', async () => {
    await openLinkFromMail(allowed);
    await page.getByText(`${allowed.name} đã có tài khoản trên hệ thống`).waitFor();
    expect(await page.getByRole('button', { name: 'Tạo tài khoản cho đơn vị' }).count()).toBe(0);
    await web.shoot('link-signup-06-has-account');

    await openLinkFromMail(refused);
    await page.getByRole('button', { name: 'Báo cáo kết quả' }).or(page.getByLabel('Họ tên người nhận')).first().waitFor();
    expect(await page.getByText('Tài khoản của đơn vị').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Tạo tài khoản cho đơn vị' }).count()).toBe(0);
    await web.shoot('link-signup-07-not-offered');
    const token = page.url().split('/').pop()!;
    const res = await t
      .http()
      .post(`/api/v1/ack-links/${token}/account`)
      .send({ fullName: 'Lê Văn Bình', email: 'binh@xa-giao-thuy.example', password: PASSWORD })
      .expect(403);
    expect(res.body.code).toBe('LINK_SIGNUP_NOT_ALLOWED');
    expect(web.pageErrors).toEqual([]);
  });
});
