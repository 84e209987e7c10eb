import { AckLinkSigner } from '@app/common';
import { Delivery, Dispatch, DispatchStatus, Message, Role } from '@app/database';
import { seedNamDinh, signIn, SignedIn, unitByCode } from './support/factories.js';
import { SEED, seedDispatchDto } from './support/seed-dispatch.js';
import { createTestApp, TestApp } from './support/test-app.js';
import { pageShapeProblems, shapeProblems } from './support/openapi-shape.js';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c63000100000500010d0a2db40000000049454e44ae426082',
  'hex',
);

describe('Dispatches: write, publish, deliver (API side, real PostgreSQL + Redis)', () => {
  let t: TestApp;
  let pa05: SignedIn;
  let units: { directorUnitId: string; archiveUnitIds: string[] };

  beforeAll(async () => {
    t = await createTestApp({ MAX_UPLOAD_MB: '1' });
    await seedNamDinh(t);
    pa05 = await signIn(t, Role.Issuer, 'CA-36-PA05');
    units = {
      directorUnitId: (await unitByCode(t, 'CA-36-BGD')).id,
      archiveUnitIds: [(await unitByCode(t, 'CA-36-VT')).id, (await unitByCode(t, 'CA-36-PA05')).id],
    };
  });
  afterAll(() => t.close());

  const createSeed = async (overrides: Record<string, unknown> = {}) =>
    (await t.http().post('/api/v1/dispatches').set(pa05.auth).send(seedDispatchDto(units, overrides)).expect(201)).body;

  it('represents dispatch 5207/CAT-PA05 exactly as written', async () => {
    const d = await createSeed();
    expect(d).toMatchObject({
      number: 5207,
      symbol: 'CAT-PA05',
      issuedDate: '2023-10-19',
      issuedYear: 2023,
      issuedPlace: 'Nam Định',
      headerAuthority: 'BỘ CÔNG AN',
      headerIssuer: 'CÔNG AN TỈNH NAM ĐỊNH',
      subject: 'V/v thông báo thủ đoạn mới của tội phạm hoạt động lừa đảo chiếm đoạt tài sản trên không gian mạng',
      signerRank: 'Đại tá',
      signerName: 'Phan Văn Lý',
      addresseeLines: ['Các Sở, ban, ngành trong tỉnh;', 'UBND các huyện và thành phố Nam Định.'],
      distributionLines: ['Đ/c Giám đốc Công an tỉnh; (Để báo cáo)', 'Như trên; (Để phối hợp thực hiện)', 'Lưu: VT, PA05(Đ3).'],
      status: DispatchStatus.Draft,
    });
    expect(d.tasks.map((x: { number: number }) => x.number)).toEqual([1, 2, 3]);
    expect(d.tasks[0].text).toMatch(/^Quán triệt, chỉ đạo toàn thể cán bộ/);
    expect(d.tasks[1].text).toContain(
      'phối hợp chặt chẽ với lực lượng Công an các cấp (**nhất là lực lượng Công an xã, phường, thị trấn**)',
    );
    expect(d.tasks[2].text).toMatch(/^UBND xã, phường, thị trấn chỉ đạo lực lượng Công an cấp xã/);
    expect(d.body).toContain('giả danh, mạo danh cơ quan công an');
    expect(d.body).toContain(SEED.tasks[2].text.slice(0, 60));
    await t.db.getRepository(Dispatch).delete({ id: d.id });
  });

  it('previews, then publishes in one transaction: one delivery per unit, one message per address, purposes as in "Nơi nhận"', async () => {
    const d = await createSeed();
    const preview = await t.http().get(`/api/v1/dispatches/${d.id}/recipients/preview`).query({ limit: 100 }).set(pa05.auth).expect(200);
    const departments = await t.db.query(`SELECT count(*)::int AS n FROM units WHERE type = 'department'`);
    expect(preview.body.total).toBe(departments[0].n + 10 + 1 + 2);
    expect(preview.body.byPurpose).toEqual({ coordinate: departments[0].n + 10, report: 1, archive: 2 });
    // Each answer is exactly what openapi.json promises a generated client: no field more, none missing.
    expect(shapeProblems(preview.body, 'RecipientPreviewDto')).toEqual([]);

    const res = await t.http().post(`/api/v1/dispatches/${d.id}/publish`).set(pa05.auth).expect(200);
    expect(res.body).toMatchObject({ deliveries: preview.body.total, messages: preview.body.addresses, unitsWithoutEmail: 0 });
    expect(shapeProblems(res.body, 'PublishResultDto')).toEqual([]);

    const rows: { code: string; purpose: string; ack: Date | null }[] = await t.db.query(
      `SELECT u.code, d.purpose, d.ack_due_at AS ack FROM deliveries d JOIN units u ON u.id = d.unit_id WHERE d.dispatch_id = $1`,
      [d.id],
    );
    expect(rows).toHaveLength(preview.body.total);
    const purposeOf = Object.fromEntries(rows.map((r) => [r.code, r.purpose]));
    expect(purposeOf['CA-36-BGD']).toBe('report');
    expect(purposeOf['CA-36-VT']).toBe('archive');
    expect(purposeOf['CA-36-PA05']).toBe('archive');
    for (const code of ['UBND-356', 'UBND-358', 'UBND-366', '36-STTTT', '36-SGDDT']) expect(purposeOf[code]).toBe('coordinate');
    expect(rows.filter((r) => r.code.startsWith('UBND-') && r.code.length === 8)).toHaveLength(10);
    // Only the units that must act carry deadlines.
    expect(rows.filter((r) => r.ack !== null).every((r) => r.purpose === 'coordinate')).toBe(true);
    const [{ n: messages }] = await t.db.query(
      `SELECT count(*)::int AS n FROM messages m JOIN deliveries d ON d.id = m.delivery_id WHERE d.dispatch_id = $1`,
      [d.id],
    );
    expect(messages).toBe(res.body.messages);

    const view = await t.http().get(`/api/v1/dispatches/${d.id}`).set(pa05.auth).expect(200);
    expect(view.body.status).toBe('published');
    expect(Object.values(view.body.deliveryCounts as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(rows.length);
    expect(shapeProblems(view.body, 'DispatchDetailDto')).toEqual([]);

    const list = await t.http().get('/api/v1/dispatches').set(pa05.auth).expect(200);
    expect(list.body.items.find((x: { id: string }) => x.id === d.id)).toMatchObject({
      deliveryCounts: view.body.deliveryCounts,
      acknowledged: view.body.acknowledged,
    });
    expect(pageShapeProblems(list.body, 'DispatchListItemDto')).toEqual([]);

    const page = await t.http().get(`/api/v1/dispatches/${d.id}/deliveries`).query({ limit: 5 }).set(pa05.auth).expect(200);
    expect(page.body.total).toBe(rows.length);
    expect(page.body.items[0].messages[0]).toMatchObject({ kind: 'notice', status: expect.any(String), attempts: expect.any(Number) });
    expect(pageShapeProblems(page.body, 'RolloutRowDto')).toEqual([]);

    // Publishing again is refused and adds nothing.
    await t.http().post(`/api/v1/dispatches/${d.id}/publish`).set(pa05.auth).expect(409);
    expect(await t.db.getRepository(Delivery).countBy({ dispatchId: d.id })).toBe(rows.length);
  });

  it('the signed link opens the dispatch without login, records "01 arrived" once, refuses tampering and expiry', async () => {
    const d = await createSeed({ number: 5300 });
    await t.http().post(`/api/v1/dispatches/${d.id}/attachments`).set(pa05.auth).attach('file', PDF, 'Công văn 5300.pdf').expect(201);
    await t.http().post(`/api/v1/dispatches/${d.id}/publish`).set(pa05.auth).expect(200);
    const haiHau = await unitByCode(t, 'UBND-366');
    const delivery = await t.db
      .getRepository(Delivery)
      .createQueryBuilder('d')
      .addSelect('d.linkNonce')
      .where('d.dispatch_id = :id AND d.unit_id = :u', { id: d.id, u: haiHau.id })
      .getOneOrFail();
    const signer = t.app.get(AckLinkSigner);
    const token = signer.token(delivery.id, delivery.linkExpiresAt, delivery.linkNonce);

    const opened = await t.http().get(`/api/v1/ack-links/${token}`).expect(200);
    expect(opened.body).toMatchObject({
      unit: { name: 'UBND huyện Hải Hậu' },
      dispatch: { number: 5300, symbol: 'CAT-PA05' },
      delivery: { status: 'arrived' },
    });
    // The public link shows each attachment, never where the server stores it.
    expect(opened.body.attachments).toEqual([expect.objectContaining({ fileName: 'Công văn 5300.pdf', sha256: expect.any(String) })]);
    expect(JSON.stringify(opened.body)).not.toMatch(/storageKey|storage_key/);
    const first = (await t.db.getRepository(Delivery).findOneByOrFail({ id: delivery.id })).arrivedAt;
    const page = await t.http().get(`/api/v1/ack-links/${token}`).set('Accept', 'text/html').expect(200);
    expect(page.text).toContain('UBND huyện Hải Hậu');
    expect(page.text).toContain('Xác nhận đã nhận công văn');
    expect((await t.db.getRepository(Delivery).findOneByOrFail({ id: delivery.id })).arrivedAt).toEqual(first);

    const tampered = token.slice(0, 5) + (token[5] === 'A' ? 'B' : 'A') + token.slice(6);
    const bad = await t.http().get(`/api/v1/ack-links/${tampered}`).expect(400);
    expect(bad.body.message).toMatch(/không hợp lệ/);
    const expired = signer.token(delivery.id, new Date(Date.now() - 60_000), delivery.linkNonce);
    const gone = await t.http().get(`/api/v1/ack-links/${expired}`).expect(410);
    expect(gone.body.message).toMatch(/hết hạn/);
    // A validly signed token that is not the delivery's current one (other nonce) is refused too.
    const stale = signer.token(delivery.id, delivery.linkExpiresAt, signer.newNonce());
    await t.http().get(`/api/v1/ack-links/${stale}`).expect(410);
  });

  it('resends to one unit and adds recipients after publishing, never twice to the same unit', async () => {
    const d = await createSeed({ number: 5301 });
    await t.http().post(`/api/v1/dispatches/${d.id}/publish`).set(pa05.auth).expect(200);
    const haiHau = await unitByCode(t, 'UBND-366');
    const delivery = await t.db.getRepository(Delivery).findOneByOrFail({ dispatchId: d.id, unitId: haiHau.id });
    const before = await t.db.getRepository(Message).countBy({ deliveryId: delivery.id });
    const resent = await t.http().post(`/api/v1/dispatches/${d.id}/deliveries/${delivery.id}/resend`).set(pa05.auth).expect(201);
    expect(resent.body).toEqual({ messages: 1 });
    expect(await t.db.getRepository(Message).countBy({ deliveryId: delivery.id })).toBe(before + 1);
    // Reminded once, the unit's row of the rollout list carries its reminder summary, still as its schema says.
    await t.http().post(`/api/v1/deliveries/${delivery.id}/remind`).set(pa05.auth).expect(200);
    const rollout = await t.http().get(`/api/v1/dispatches/${d.id}/deliveries`).query({ limit: 500 }).set(pa05.auth).expect(200);
    expect(rollout.body.items.find((r: { id: string }) => r.id === delivery.id).reminders).toMatchObject({ count: 1 });
    expect(pageShapeProblems(rollout.body, 'RolloutRowDto')).toEqual([]);

    const add = await t
      .http()
      .post(`/api/v1/dispatches/${d.id}/recipients`)
      .set(pa05.auth)
      .send({
        recipients: [
          { purpose: 'action', group: 'all_commune_police', scopeUnitId: (await unitByCode(t, '366')).id },
          { purpose: 'info', unitId: haiHau.id },
        ],
      })
      .expect(201);
    expect(add.body).toMatchObject({ added: 34, alreadyReceiving: 1 });
    expect(shapeProblems(add.body, 'AddRecipientsResultDto')).toEqual([]);
    const again = await t
      .http()
      .post(`/api/v1/dispatches/${d.id}/recipients`)
      .set(pa05.auth)
      .send({ recipients: [{ purpose: 'action', group: 'all_commune_police', scopeUnitId: haiHau.id }] })
      .expect(201);
    expect(again.body).toMatchObject({ added: 0, alreadyReceiving: 34 });
  });

  describe('bad input gets a clear 4xx and leaves nothing behind', () => {
    const countAll = async () =>
      (
        await t.db.query(
          `SELECT (SELECT count(*) FROM dispatches)::int AS d, (SELECT count(*) FROM deliveries)::int AS v, (SELECT count(*) FROM messages)::int AS m,
              (SELECT count(*) FROM dispatch_tasks)::int AS t, (SELECT count(*) FROM dispatch_attachments)::int AS a`,
        )
      )[0];

    it('duplicate number/symbol in the same year -> 409', async () => {
      await createSeed({ number: 6000 });
      const before = await countAll();
      const res = await t
        .http()
        .post('/api/v1/dispatches')
        .set(pa05.auth)
        .send(seedDispatchDto(units, { number: 6000 }))
        .expect(409);
      expect(res.body.message).toMatch(/6000\/CAT-PA05 năm 2023 đã được/);
      expect(await countAll()).toEqual(before);
      // Numbers restart each year.
      await t
        .http()
        .post('/api/v1/dispatches')
        .set(pa05.auth)
        .send(seedDispatchDto(units, { number: 6000, issuedDate: '2024-01-03' }))
        .expect(201);
    });

    it('publishing without recipients -> 400', async () => {
      const d = await createSeed({ number: 6001, recipients: [] });
      const before = await countAll();
      const res = await t.http().post(`/api/v1/dispatches/${d.id}/publish`).set(pa05.auth).expect(400);
      expect(res.body.message).toMatch(/Chưa chọn nơi nhận/);
      expect(await countAll()).toEqual(before);
      expect((await t.db.getRepository(Dispatch).findOneByOrFail({ id: d.id })).status).toBe('draft');
    });

    it('editing a published dispatch -> 409', async () => {
      const d = await createSeed({ number: 6002 });
      await t.http().post(`/api/v1/dispatches/${d.id}/publish`).set(pa05.auth).expect(200);
      const res = await t.http().patch(`/api/v1/dispatches/${d.id}`).set(pa05.auth).send({ subject: 'V/v sửa trái phép' }).expect(409);
      expect(res.body.message).toMatch(/đã ban hành thì không sửa/);
      expect((await t.db.getRepository(Dispatch).findOneByOrFail({ id: d.id })).subject).toBe(SEED.subject);
    });

    it('an attachment whose content is not what its name says -> 415; a real PDF is stored with its SHA-256', async () => {
      const d = await createSeed({ number: 6003 });
      const res = await t
        .http()
        .post(`/api/v1/dispatches/${d.id}/attachments`)
        .set(pa05.auth)
        .attach('file', PNG, 'cong-van.pdf')
        .expect(415);
      expect(res.body.message).toMatch(/không phải \.pdf/);
      expect(await t.db.query(`SELECT * FROM dispatch_attachments WHERE dispatch_id = $1`, [d.id])).toEqual([]);
      const ok = await t
        .http()
        .post(`/api/v1/dispatches/${d.id}/attachments`)
        .set(pa05.auth)
        .attach('file', PDF, 'Công văn 5207.pdf')
        .expect(201);
      expect(ok.body).toMatchObject({ fileName: 'Công văn 5207.pdf', contentType: 'application/pdf', sizeBytes: PDF.length });
      expect(ok.body.sha256).toBe((await import('node:crypto')).createHash('sha256').update(PDF).digest('hex'));
      // Where the server stores the file never leaves it: the download goes through GET .../attachments/:id.
      const detail = await t.http().get(`/api/v1/dispatches/${d.id}`).set(pa05.auth).expect(200);
      expect(detail.body.attachments).toEqual([{ ...ok.body, addedInVersion: 1, supersededInVersion: null }]);
      for (const body of [ok.body, detail.body]) expect(JSON.stringify(body)).not.toMatch(/storageKey|storage_key/);
      expect(shapeProblems(ok.body, 'DispatchAttachmentDto')).toEqual([]);
      expect(shapeProblems(detail.body, 'DispatchDetailDto')).toEqual([]);
      const back = await t.http().get(`/api/v1/dispatches/${d.id}/attachments/${ok.body.id}`).set(pa05.auth).buffer(true).expect(200);
      expect(Buffer.compare(back.body as Buffer, PDF)).toBe(0);
    });

    it('an oversize file -> 413', async () => {
      const d = await createSeed({ number: 6004 });
      const big = Buffer.concat([PDF, Buffer.alloc(1024 * 1024 + 10)]);
      const res = await t.http().post(`/api/v1/dispatches/${d.id}/attachments`).set(pa05.auth).attach('file', big, 'lon.pdf').expect(413);
      expect(res.body.message).toMatch(/quá lớn/);
      expect(await t.db.query(`SELECT * FROM dispatch_attachments WHERE dispatch_id = $1`, [d.id])).toEqual([]);
    });

    it('wrong types and unknown fields -> 400 naming them', async () => {
      const res = await t
        .http()
        .post('/api/v1/dispatches')
        .set(pa05.auth)
        .send({ ...seedDispatchDto(units, { number: 'năm', urgency: 'gấp' }), color: 1 })
        .expect(400);
      expect(res.body.message).toMatch(/number/);
      expect(res.body.message).toMatch(/urgency/);
      expect(res.body.message).toMatch(/color/);
    });
  });

  it('closes a published dispatch: confirmations are refused afterwards', async () => {
    const d = await createSeed({ number: 5302 });
    await t.http().post(`/api/v1/dispatches/${d.id}/close`).set(pa05.auth).expect(409);
    await t.http().post(`/api/v1/dispatches/${d.id}/publish`).set(pa05.auth).expect(200);
    const closed = await t.http().post(`/api/v1/dispatches/${d.id}/close`).set(pa05.auth).expect(200);
    expect(closed.body).toEqual({ id: d.id, status: 'closed' });
    const haiHau = await unitByCode(t, 'UBND-366');
    const delivery = await t.db.getRepository(Delivery).findOneByOrFail({ dispatchId: d.id, unitId: haiHau.id });
    const officer = await signIn(t, Role.Officer, 'UBND-366');
    // Opening it on the web records "01 arrived"; confirming a closed dispatch is refused.
    await t.http().get(`/api/v1/deliveries/${delivery.id}`).set(officer.auth).expect(200);
    expect((await t.db.getRepository(Delivery).findOneByOrFail({ id: delivery.id })).status).toBe('arrived');
    const res = await t.http().post(`/api/v1/deliveries/${delivery.id}/acknowledge`).set(officer.auth).send({}).expect(409);
    expect(res.body.message).toMatch(/không còn hiệu lực/);
    expect(res.body.code).toBe('DISPATCH_CLOSED');
  });

  it('a receiving unit reads the issuer as id, code and name only: none of its e-mails, path or link sign-up setting', async () => {
    const d = await createSeed({ number: 5303 });
    await t.http().post(`/api/v1/dispatches/${d.id}/publish`).set(pa05.auth).expect(200);
    const issuer = await unitByCode(t, 'CA-36-PA05');
    expect(issuer.emails.length).toBeGreaterThan(0);
    const officer = await signIn(t, Role.Officer, 'UBND-366');
    const view = await t.http().get(`/api/v1/dispatches/${d.id}`).set(officer.auth).expect(200);
    expect(view.body.issuerUnit).toEqual({ id: issuer.id, code: 'CA-36-PA05', name: issuer.name });
    for (const email of issuer.emails) expect(JSON.stringify(view.body)).not.toContain(email);
    expect(shapeProblems(view.body, 'DispatchDetailDto')).toEqual([]);
    // The issuer's own list carries the same three fields.
    const list = await t.http().get('/api/v1/dispatches').set(pa05.auth).expect(200);
    expect(list.body.items.find((x: { id: string }) => x.id === d.id).issuerUnit).toEqual(view.body.issuerUnit);
  });

  it('an officer of a district cannot write dispatches, nor read one it did not receive', async () => {
    const d = await createSeed({ number: 6100 });
    const officer = await signIn(t, Role.Officer, 'UBND-366');
    await t
      .http()
      .post('/api/v1/dispatches')
      .set(officer.auth)
      .send(seedDispatchDto(units, { number: 6101 }))
      .expect(403);
    await t.http().get(`/api/v1/dispatches/${d.id}`).set(officer.auth).expect(403);
  });
});
