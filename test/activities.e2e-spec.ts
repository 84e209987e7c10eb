import { addDays, vnCalendarDate } from '@app/common';
import { Role } from '@app/database';
import { createHash } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { seedNamDinh, signIn, SignedIn } from './support/factories.js';
import { seedDispatchDto } from './support/seed-dispatch.js';
import { createTestApp, TestApp } from './support/test-app.js';
import { shapeProblems } from './support/openapi-shape.js';

// Small files whose type file-type recognises from the first bytes; `tag` makes each one distinct.
const jpeg = (tag: string) =>
  Buffer.concat([Buffer.from('ffd8ffe000104a46494600010100000100010000', 'hex'), Buffer.from(tag), Buffer.from('ffd9', 'hex')]);
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c63000100000500010d0a2db40000000049454e44ae426082',
  'hex',
);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const MP4 = Buffer.from('000000186674797069736f6d0000020069736f6d69736f32', 'hex');
const HEIC = Buffer.from('0000001866747970686569630000000068656963', 'hex');
const WEBP = Buffer.concat([Buffer.from('RIFF'), Buffer.from([0x1a, 0, 0, 0]), Buffer.from('WEBPVP8 '), Buffer.alloc(14)]);
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** A minimal .docx: a stored (uncompressed) zip with the two parts file-type looks at. */
function docx(): Buffer {
  const entries: [string, string][] = [
    [
      '[Content_Types].xml',
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ],
    ['word/document.xml', '<w:document/>'],
  ];
  return Buffer.concat(
    entries.flatMap(([name, text]) => {
      const data = Buffer.from(text);
      const fileName = Buffer.from(name);
      const header = Buffer.alloc(30);
      header.writeUInt32LE(0x04034b50, 0);
      header.writeUInt16LE(20, 4);
      header.writeUInt32LE(crc32(data), 14);
      header.writeUInt32LE(data.length, 18);
      header.writeUInt32LE(data.length, 22);
      header.writeUInt16LE(fileName.length, 26);
      return [header, fileName, data];
    }),
  );
}

const loudspeaker = {
  channel: 'loudspeaker',
  occurredOn: '2023-10-25',
  place: 'Tổ dân phố Thịnh Hưng, thị trấn Thịnh Long',
  reach: 1500,
  quantity: 3,
  description: 'Phát 3 lượt trên hệ thống loa truyền thanh về thủ đoạn giả danh công an gọi điện lừa đảo.',
  taskNumber: 2,
};

describe('Activities: report, evidence, flags, corrections, withdrawal (real PostgreSQL + Redis)', () => {
  let t: TestApp;
  let pa05: SignedIn;
  let dispatchId: string;
  const deliveryIds = new Map<string, string>();

  beforeAll(async () => {
    t = await createTestApp({ MAX_UPLOAD_MB: '1' });
    await seedNamDinh(t);
    pa05 = await signIn(t, Role.Issuer, 'CA-36-PA05');
    // The seed dispatch, sent straight to every commune People's Committee and commune police of the province.
    const dto = seedDispatchDto(
      { directorUnitId: '', archiveUnitIds: [] },
      {
        recipients: [
          { purpose: 'action', group: 'all_commune_committees' },
          { purpose: 'action', group: 'all_commune_police' },
        ],
      },
    );
    dispatchId = (await t.http().post('/api/v1/dispatches').set(pa05.auth).send(dto).expect(201)).body.id;
    await t.http().post(`/api/v1/dispatches/${dispatchId}/publish`).set(pa05.auth).expect(200);
    const rows: { code: string; id: string }[] = await t.db.query(
      `SELECT u.code, d.id FROM deliveries d JOIN units u ON u.id = d.unit_id WHERE d.dispatch_id = $1`,
      [dispatchId],
    );
    for (const r of rows) deliveryIds.set(r.code, r.id);
  });
  afterAll(() => t.close());

  const delivery = (code: string) => {
    const id = deliveryIds.get(code);
    if (!id) throw new Error(`no delivery to ${code}`);
    return id;
  };
  // The acknowledgement endpoint belongs to another feature: set the fact directly.
  const acknowledge = (code: string) =>
    t.db.query(`UPDATE deliveries SET status = 'accepted', acknowledged_at = now(), ack_method = 'web' WHERE id = $1`, [delivery(code)]);
  const report = (who: SignedIn, code: string, body: Record<string, unknown>) =>
    t
      .http()
      .post(`/api/v1/deliveries/${delivery(code)}/activities`)
      .set(who.auth)
      .send(body);
  const upload = (who: SignedIn, activityId: string, file: Buffer, name: string) =>
    t.http().post(`/api/v1/activities/${activityId}/evidence`).set(who.auth).attach('file', file, name);
  const auditOf = async (
    entityId: string,
  ): Promise<{ action: string; before: Record<string, unknown> | null; after: Record<string, unknown> | null; ip: string | null }[]> =>
    t.db.query(`SELECT action, before, after, ip FROM audit_events WHERE entity_id = $1 ORDER BY id`, [entityId]);
  const counts = async () =>
    (
      await t.db
        .query(`SELECT (SELECT count(*) FROM activities)::int AS activities, (SELECT count(*) FROM activity_evidence)::int AS evidence,
                               (SELECT count(*) FROM activity_revisions)::int AS revisions, (SELECT count(*) FROM audit_events)::int AS audit`)
    )[0];

  it('a commune reports a loudspeaker broadcast and a bulletin-board photo with evidence; the delivery moves to 05 in progress', async () => {
    const thinhLong = await signIn(t, Role.Officer, 'UBND-14221');
    await acknowledge('UBND-14221');

    const res = await report(thinhLong, 'UBND-14221', loudspeaker).expect(201);
    expect(res.body).toMatchObject({
      ...loudspeaker,
      links: [],
      flags: [],
      flagNotes: [],
      version: 1,
      historyCount: 0,
      withdrawn: null,
      evidence: [],
    });
    expect(res.body.unit.name).toBe('UBND thị trấn Thịnh Long');
    expect(res.body.reportedBy).toEqual({ id: thinhLong.user.id, name: thinhLong.user.fullName });
    const [{ status }] = await t.db.query(`SELECT status FROM deliveries WHERE id = $1`, [delivery('UBND-14221')]);
    expect(status).toBe('in_progress');
    expect((await auditOf(res.body.id)).map((e) => e.action)).toEqual(['activity.reported']);
    expect((await auditOf(delivery('UBND-14221'))).filter((e) => e.action === 'delivery.in_progress')).toEqual([
      expect.objectContaining({ before: { status: 'accepted' }, after: { status: 'in_progress', activityId: res.body.id } }),
    ]);

    const board = await report(thinhLong, 'UBND-14221', {
      channel: 'bulletin_board',
      occurredOn: '2023-10-26',
      place: 'Nhà văn hóa tổ dân phố Thịnh Hưng',
      quantity: 2,
      reach: null,
      taskNumber: 2,
    }).expect(201);
    const photo = jpeg('bang-tin-thinh-long');
    const ev = await upload(thinhLong, board.body.id, photo, 'Bảng tin Thịnh Hưng.jpg').expect(201);
    expect(ev.body).toMatchObject({
      fileName: 'Bảng tin Thịnh Hưng.jpg',
      contentType: 'image/jpeg',
      sizeBytes: photo.length,
      sha256: sha256(photo),
      duplicateOfUnit: null,
    });
    const back = await t.http().get(ev.body.url).set(thinhLong.auth).buffer(true).expect(200);
    expect(Buffer.compare(back.body as Buffer, photo)).toBe(0);
    expect(back.headers['content-type']).toBe('image/jpeg');
    // The issuer sees the delivery, so it can read the evidence; a unit elsewhere cannot.
    await t.http().get(ev.body.url).set(pa05.auth).expect(200);
    const stranger = await signIn(t, Role.Officer, 'UBND-13633');
    await t.http().get(ev.body.url).set(stranger.auth).expect(403);
    await t
      .http()
      .get(`/api/v1/deliveries/${delivery('UBND-14221')}/activities`)
      .set(stranger.auth)
      .expect(403);

    const list = await t
      .http()
      .get(`/api/v1/deliveries/${delivery('UBND-14221')}/activities`)
      .set(pa05.auth)
      .expect(200);
    expect(list.body.items.map((a: { channel: string }) => a.channel)).toEqual(['loudspeaker', 'bulletin_board']);
    expect(list.body.items[1].evidence).toEqual([expect.objectContaining({ id: ev.body.id, sha256: sha256(photo) })]);
    // As openapi.json describes them: no field more, none missing.
    expect(shapeProblems(list.body, 'ActivityListDto')).toEqual([]);
    expect(shapeProblems(ev.body, 'EvidenceDto')).toEqual([]);
    expect(list.body.summary).toEqual({
      active: 2,
      withdrawn: 0,
      reach: 1500,
      quantity: 5,
      byChannel: { loudspeaker: 1, bulletin_board: 1 },
      flagged: 0,
    });
    // The second report found the delivery already in progress: no second status event.
    expect((await auditOf(delivery('UBND-14221'))).filter((e) => e.action === 'delivery.in_progress')).toHaveLength(1);
    expect((await auditOf(board.body.id)).map((e) => e.action)).toEqual(['activity.reported', 'activity.evidence_added']);
  });

  describe('anomaly flags', () => {
    it('before acknowledgement: flagged, and the delivery does not jump to in progress', async () => {
      const haiNam = await signIn(t, Role.Officer, 'UBND-14224');
      const res = await report(haiNam, 'UBND-14224', { ...loudspeaker, place: 'Xóm 5, xã Hải Nam' }).expect(201);
      expect(res.body.flags).toEqual(['before_acknowledgement']);
      expect(res.body.flagNotes).toEqual(['Báo cáo trước khi đơn vị xác nhận đã nhận công văn.']);
      const [{ status }] = await t.db.query(`SELECT status FROM deliveries WHERE id = $1`, [delivery('UBND-14224')]);
      expect(status).not.toBe('in_progress');
    });

    it('before the dispatch date, and tomorrow (accepted within the one-day tolerance, flagged future_date)', async () => {
      const haiTrung = await signIn(t, Role.Officer, 'UBND-14227');
      await acknowledge('UBND-14227');
      const early = await report(haiTrung, 'UBND-14227', { ...loudspeaker, occurredOn: '2023-10-18' }).expect(201);
      expect(early.body.flags).toEqual(['before_dispatch']);
      expect(early.body.flagNotes[0]).toBe('Ngày thực hiện 18/10/2023 trước ngày ban hành công văn 19/10/2023.');
      const tomorrow = addDays(vnCalendarDate(new Date()), 1);
      const ahead = await report(haiTrung, 'UBND-14227', { ...loudspeaker, occurredOn: tomorrow }).expect(201);
      expect(ahead.body.flags).toEqual(['future_date']);
      expect(ahead.body.flagNotes[0]).toMatch(/là ngày tương lai tại thời điểm báo cáo/);
    });

    it('a Facebook post whose link is not on Facebook; a real Facebook link is not flagged', async () => {
      const haiVan = await signIn(t, Role.Officer, 'UBND-14230');
      await acknowledge('UBND-14230');
      const bad = await report(haiVan, 'UBND-14230', {
        channel: 'facebook_post',
        occurredOn: '2023-10-24',
        quantity: 1,
        reach: 830,
        taskNumber: 2,
        links: ['https://www.facebook.com/ubndxahaivan/posts/1', 'https://www.tiktok.com/@haivan/video/2'],
      }).expect(201);
      expect(bad.body.flags).toEqual(['link_channel_mismatch']);
      expect(bad.body.flagNotes[0]).toContain('https://www.tiktok.com/@haivan/video/2');
      const good = await report(haiVan, 'UBND-14230', {
        channel: 'facebook_post',
        occurredOn: '2023-10-24',
        quantity: 1,
        taskNumber: 2,
        links: ['https://m.facebook.com/ubndxahaivan/posts/3'],
      }).expect(201);
      expect(good.body.flags).toEqual([]);
      const portal = await report(haiVan, 'UBND-14230', {
        channel: 'e_portal_post',
        occurredOn: '2023-10-24',
        quantity: 1,
        taskNumber: 2,
        links: ['https://haihau.namdinh.gov.vn.example.com/tin'],
      }).expect(201);
      expect(portal.body.flags).toEqual(['link_channel_mismatch']);
    });

    it('evidence identical to a file another unit already submitted: marked with that unit, activity flagged, audited', async () => {
      const haiMinh = await signIn(t, Role.Officer, 'UBND-14233');
      const haiAnh = await signIn(t, Role.Officer, 'UBND-14236');
      await acknowledge('UBND-14233');
      await acknowledge('UBND-14236');
      const board = { channel: 'bulletin_board', occurredOn: '2023-10-27', quantity: 1, taskNumber: 2 };
      const first = await report(haiMinh, 'UBND-14233', board).expect(201);
      const copy = await report(haiAnh, 'UBND-14236', board).expect(201);
      const photo = jpeg('anh-bang-tin-hai-minh');

      const original = await upload(haiMinh, first.body.id, photo, 'bang-tin.jpg').expect(201);
      expect(original.body.duplicateOfUnit).toBeNull();
      // The same unit reusing its own photo is not an anomaly.
      const again = await report(haiMinh, 'UBND-14233', board).expect(201);
      expect((await upload(haiMinh, again.body.id, photo, 'bang-tin-2.jpg').expect(201)).body.duplicateOfUnit).toBeNull();

      const dup = await upload(haiAnh, copy.body.id, photo, 'IMG_0012.jpg').expect(201);
      expect(dup.body.duplicateOfUnit).toMatchObject({ name: 'UBND xã Hải Minh' });
      const view = (await t.http().get(`/api/v1/activities/${copy.body.id}`).set(haiAnh.auth).expect(200)).body;
      expect(view.flags).toEqual(['duplicate_evidence']);
      expect(view.flagNotes[0]).toContain('UBND xã Hải Minh');
      expect(view.version).toBe(1);
      const audit = await auditOf(copy.body.id);
      expect(audit.map((e) => e.action)).toEqual(['activity.reported', 'activity.evidence_added', 'activity.flagged']);
      expect(audit[2]).toMatchObject({ before: { flags: [] }, after: { flags: ['duplicate_evidence'], sha256: sha256(photo) } });
      // Sending the same file again (double submit) adds nothing and returns the first upload.
      expect((await upload(haiAnh, copy.body.id, photo, 'IMG_0013.jpg').expect(201)).body.id).toBe(dup.body.id);
      expect(await t.db.query(`SELECT count(*)::int AS n FROM activity_evidence WHERE activity_id = $1`, [copy.body.id])).toEqual([
        { n: 1 },
      ]);
      expect((await auditOf(copy.body.id)).filter((e) => e.action === 'activity.flagged')).toHaveLength(1);
      expect((await t.http().get(`/api/v1/activities/${first.body.id}`).set(haiMinh.auth).expect(200)).body.flags).toEqual([]);
    });
  });

  it('a correction keeps the earlier version, recomputes flags, and a stale version is refused', async () => {
    const haiHung = await signIn(t, Role.Officer, 'UBND-14239');
    await acknowledge('UBND-14239');
    const a = (await report(haiHung, 'UBND-14239', loudspeaker).expect(201)).body;

    const fixed = await t
      .http()
      .patch(`/api/v1/activities/${a.id}`)
      .set(haiHung.auth)
      .send({ version: 1, reach: 2100, channel: 'zalo_post', links: ['https://www.facebook.com/x'] })
      .expect(200);
    expect(fixed.body).toMatchObject({
      version: 2,
      historyCount: 1,
      reach: 2100,
      channel: 'zalo_post',
      flags: ['link_channel_mismatch'],
      place: loudspeaker.place,
    });

    const history = await t.http().get(`/api/v1/activities/${a.id}/history`).set(pa05.auth).expect(200);
    expect(history.body.revisions).toEqual([
      expect.objectContaining({
        version: 1,
        snapshot: expect.objectContaining({ version: 1, reach: 1500, channel: 'loudspeaker', links: [], flags: [] }),
        changedBy: { id: haiHung.user.id, name: haiHung.user.fullName },
      }),
    ]);
    expect(history.body.current.version).toBe(2);
    expect(shapeProblems(history.body, 'ActivityHistoryDto')).toEqual([]);
    const corrected = (await auditOf(a.id)).filter((e) => e.action === 'activity.corrected');
    expect(corrected).toEqual([
      expect.objectContaining({
        before: expect.objectContaining({ version: 1, reach: 1500 }),
        after: expect.objectContaining({ version: 2, reach: 2100, flags: ['link_channel_mismatch'] }),
      }),
    ]);

    // Someone still holding version 1 is refused, and nothing changes.
    const before = await counts();
    const stale = await t.http().patch(`/api/v1/activities/${a.id}`).set(haiHung.auth).send({ version: 1, reach: 9 }).expect(409);
    expect(stale.body.message).toMatch(/phiên bản hiện tại 2/);
    expect(stale.body.details).toEqual({ currentVersion: 2 });
    expect(await counts()).toEqual(before);

    // Clearing a field with null, fixing the link: flags recomputed, one more version.
    const v3 = await t
      .http()
      .patch(`/api/v1/activities/${a.id}`)
      .set(haiHung.auth)
      .send({ version: 2, links: ['https://zalo.me/g/haihung'], place: null })
      .expect(200);
    expect(v3.body).toMatchObject({ version: 3, historyCount: 2, flags: [], place: null });

    // Bad corrections: a version is required, channel cannot be null, the date cannot move to the future.
    const b2 = await counts();
    expect((await t.http().patch(`/api/v1/activities/${a.id}`).set(haiHung.auth).send({ reach: 1 }).expect(400)).body.message).toMatch(
      /version/,
    );
    expect(
      (await t.http().patch(`/api/v1/activities/${a.id}`).set(haiHung.auth).send({ version: 3, channel: null }).expect(400)).body.message,
    ).toMatch(/channel/);
    expect(
      (await t.http().patch(`/api/v1/activities/${a.id}`).set(haiHung.auth).send({ version: 3, occurredOn: '2099-01-01' }).expect(400)).body
        .message,
    ).toMatch(/ngày tương lai/);
    expect(
      (await t.http().patch(`/api/v1/activities/${a.id}`).set(haiHung.auth).send({ version: 3, taskNumber: 9 }).expect(400)).body.message,
    ).toMatch(/không có nhiệm vụ số 9/);
    // Another unit cannot correct it.
    const other = await signIn(t, Role.Officer, 'UBND-14224');
    await t.http().patch(`/api/v1/activities/${a.id}`).set(other.auth).send({ version: 3, reach: 1 }).expect(403);
    expect(await counts()).toEqual(b2);
  });

  it('withdrawal is soft and audited: still readable, marked, out of the counts; a withdrawn activity cannot be corrected', async () => {
    const haiBac = await signIn(t, Role.Officer, 'UBND-14242');
    await acknowledge('UBND-14242');
    const keep = (await report(haiBac, 'UBND-14242', loudspeaker).expect(201)).body;
    const wrong = (await report(haiBac, 'UBND-14242', { ...loudspeaker, reach: 99999 }).expect(201)).body;

    const noReason = await t.http().post(`/api/v1/activities/${wrong.id}/withdraw`).set(haiBac.auth).send({}).expect(400);
    expect(noReason.body.message).toMatch(/reason/);
    const res = await t
      .http()
      .post(`/api/v1/activities/${wrong.id}/withdraw`)
      .set(haiBac.auth)
      .send({ reason: 'Nhập nhầm số người nghe' })
      .expect(200);
    expect(res.body.withdrawn).toMatchObject({ reason: 'Nhập nhầm số người nghe', by: { id: haiBac.user.id }, at: expect.any(String) });
    expect((await auditOf(wrong.id)).map((e) => e.action)).toEqual(['activity.reported', 'activity.withdrawn']);
    expect((await auditOf(wrong.id))[1]).toMatchObject({
      before: { withdrawnAt: null },
      after: { reason: 'Nhập nhầm số người nghe', withdrawnAt: res.body.withdrawn.at },
    });

    const list = (
      await t
        .http()
        .get(`/api/v1/deliveries/${delivery('UBND-14242')}/activities`)
        .set(haiBac.auth)
        .expect(200)
    ).body;
    expect(list.items.map((a: { id: string; withdrawn: unknown }) => [a.id, a.withdrawn !== null])).toEqual([
      [keep.id, false],
      [wrong.id, true],
    ]);
    expect(list.summary).toMatchObject({ active: 1, withdrawn: 1, reach: loudspeaker.reach });

    // Again: nothing new. Correcting or adding evidence: refused.
    await t.http().post(`/api/v1/activities/${wrong.id}/withdraw`).set(haiBac.auth).send({ reason: 'lần nữa' }).expect(200);
    expect((await auditOf(wrong.id)).filter((e) => e.action === 'activity.withdrawn')).toHaveLength(1);
    expect(
      (await t.http().patch(`/api/v1/activities/${wrong.id}`).set(haiBac.auth).send({ version: 1, reach: 1 }).expect(409)).body.message,
    ).toMatch(/đã được rút/);
    await upload(haiBac, wrong.id, jpeg('rut'), 'a.jpg').expect(409);
  });

  describe('denials and bad input: a clear 4xx, nothing written', () => {
    let haiPhuc: SignedIn;
    beforeAll(async () => {
      haiPhuc = await signIn(t, Role.Officer, 'UBND-14245');
      await acknowledge('UBND-14245');
    });

    it('an officer cannot report for another unit, not even the commune police below its own committee', async () => {
      const before = await counts();
      const res = await report(haiPhuc, 'UBND-14221', loudspeaker).expect(403);
      expect(res.body.message).toMatch(/Chỉ cán bộ của UBND thị trấn Thịnh Long/);
      await report(haiPhuc, 'CA-14245', loudspeaker).expect(403);
      expect(await counts()).toEqual(before);
    });

    it.each([
      ['negative reach', { reach: -5 }, /reach \(số người được tuyên truyền\) phải là số nguyên không âm/],
      ['a fractional quantity', { quantity: 1.5 }, /quantity/],
      ['a date in the future', { occurredOn: '2099-12-31' }, /31\/12\/2099 là ngày tương lai/],
      ['an impossible date', { occurredOn: '2023-02-30' }, /occurredOn/],
      ['an unknown channel', { channel: 'tiktok' }, /channel \(kênh tuyên truyền\) phải là một trong: staff_briefing/],
      ['an unknown task number', { taskNumber: 7 }, /không có nhiệm vụ số 7: chọn một trong các nhiệm vụ số 1, 2, 3/],
      ['no task number', { taskNumber: undefined }, /taskNumber \(nhiệm vụ số\) là bắt buộc/],
      ['a link that is not a URL', { links: ['facebook ubnd xa'] }, /links/],
      ['an unknown field', { color: 'đỏ' }, /color/],
    ])('%s -> 400', async (_what, change, message) => {
      const before = await counts();
      const res = await report(haiPhuc, 'UBND-14245', { ...loudspeaker, ...change }).expect(400);
      expect(res.body.message).toMatch(message);
      expect(await counts()).toEqual(before);
    });

    it('evidence of the wrong type -> 415, too large -> 413, from another unit -> 403; no row', async () => {
      const a = (
        await report(haiPhuc, 'UBND-14245', { channel: 'leaflet', occurredOn: '2023-10-28', quantity: 500, taskNumber: 3 }).expect(201)
      ).body;
      const before = await counts();
      expect((await upload(haiPhuc, a.id, PNG, 'to-roi.pdf').expect(415)).body.message).toMatch(/không phải \.pdf/);
      expect((await upload(haiPhuc, a.id, Buffer.from('MZ\x90\x00 not a program'), 'setup.exe').expect(415)).body.message).toMatch(
        /chỉ nhận các loại .*\.jpg/,
      );
      expect((await upload(haiPhuc, a.id, Buffer.from('just text, no picture'), 'anh.jpg').expect(415)).body.message).toMatch(
        /không phải \.jpg/,
      );
      const big = Buffer.concat([jpeg('lon'), Buffer.alloc(1024 * 1024 + 10)]);
      expect((await upload(haiPhuc, a.id, big, 'lon.jpg').expect(413)).body.message).toMatch(/quá lớn: tối đa 1 MB/);
      const other = await signIn(t, Role.Officer, 'UBND-14248');
      await upload(other, a.id, jpeg('khac'), 'khac.jpg').expect(403);
      expect((await t.http().post(`/api/v1/activities/${a.id}/evidence`).set(haiPhuc.auth).expect(400)).body.message).toMatch(
        /Chưa có tệp minh chứng/,
      );
      expect(await counts()).toEqual(before);
      // Every accepted kind goes through, typed from its content.
      const accepted: [Buffer, string, string][] = [
        [PNG, 'to-roi.png', 'image/png'],
        [WEBP, 'anh.webp', 'image/webp'],
        [HEIC, 'IMG_2041.HEIC', 'image/heic'],
        [PDF, 'Kế hoạch.pdf', 'application/pdf'],
        [MP4, 'phat-thanh.mp4', 'video/mp4'],
        [docx(), 'Báo cáo.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
      ];
      for (const [file, name, contentType] of accepted) {
        expect((await upload(haiPhuc, a.id, file, name).expect(201)).body).toMatchObject({
          fileName: name,
          contentType,
          sha256: sha256(file),
        });
      }
      const view = (await t.http().get(`/api/v1/activities/${a.id}`).set(haiPhuc.auth).expect(200)).body;
      expect(view.evidence.map((e: { fileName: string }) => e.fileName)).toEqual(accepted.map(([, name]) => name));
    });

    it('a unit that refused the dispatch cannot report against it (409)', async () => {
      await t.db.query(
        `UPDATE deliveries SET status = 'refused', refused_at = now(), refusal_reason = 'Không đúng đơn vị nhận' WHERE id = $1`,
        [delivery('UBND-14251')],
      );
      const officer = await signIn(t, Role.Officer, 'UBND-14251');
      const before = await counts();
      const refused = await report(officer, 'UBND-14251', loudspeaker).expect(409);
      expect(refused.body.message).toMatch(/đã từ chối tiếp nhận/);
      expect(refused.body.code).toBe('REPORT_AFTER_REFUSAL');
      expect(await counts()).toEqual(before);
    });
  });

  it('concurrent reports from one unit: all stored, the delivery moves to in progress once, with one audit event', async () => {
    const haiLong = await signIn(t, Role.Officer, 'UBND-14254');
    await acknowledge('UBND-14254');
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => report(haiLong, 'UBND-14254', { ...loudspeaker, reach: i })));
    expect(results.map((r) => r.status)).toEqual(results.map(() => 201));
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM activities WHERE delivery_id = $1`, [delivery('UBND-14254')]);
    expect(n).toBe(20);
    expect((await auditOf(delivery('UBND-14254'))).filter((e) => e.action === 'delivery.in_progress')).toHaveLength(1);
  });

  it('200 concurrent reports from 200 different units are all stored', async () => {
    const codes = [...deliveryIds.keys()]
      .filter((c) => c.startsWith('CA-'))
      .sort()
      .slice(0, 200);
    expect(codes).toHaveLength(200);
    const started = Date.now();
    const officers: SignedIn[] = [];
    for (let i = 0; i < codes.length; i += 25)
      officers.push(...(await Promise.all(codes.slice(i, i + 25).map((c) => signIn(t, Role.Officer, c)))));
    await Promise.all(codes.map((c) => acknowledge(c)));
    const signedIn = Date.now();

    const results = await Promise.all(
      codes.map((c, i) => report(officers[i], c, { ...loudspeaker, place: `Trụ sở ${c}`, reach: 100 + i })),
    );
    const reported = Date.now();
    expect(results.map((r) => r.status)).toEqual(codes.map(() => 201));

    const ids = codes.map((c) => delivery(c));
    const [row] = await t.db.query(
      `SELECT count(*)::int AS n, count(DISTINCT delivery_id)::int AS deliveries, sum(reach)::int AS reach,
              (SELECT count(*)::int FROM deliveries WHERE id = ANY($1::uuid[]) AND status = 'in_progress') AS "inProgress",
              (SELECT count(*)::int FROM audit_events e WHERE e.action = 'activity.reported' AND e.entity_id IN (SELECT id FROM activities WHERE delivery_id = ANY($1::uuid[]))) AS audited
         FROM activities WHERE delivery_id = ANY($1::uuid[])`,
      [ids],
    );
    expect(row).toEqual({ n: 200, deliveries: 200, reach: 200 * 100 + (199 * 200) / 2, inProgress: 200, audited: 200 });
    console.log(`200 officers signed in in ${signedIn - started} ms; 200 concurrent reports stored in ${reported - signedIn} ms`);
  }, 120_000);
});
