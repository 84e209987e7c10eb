import { Role } from '@app/database';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Response } from 'supertest';
import { seedNamDinh, signIn, SignedIn } from './support/factories.js';
import { generateRollout, GeneratedRollout } from './support/rollout-generator.js';
import { createTestApp, TestApp } from './support/test-app.js';
import { createTestWorker, TestWorker } from './support/test-worker.js';
import { ExportRunner } from '../apps/worker/src/exports/export-runner.js';

const run = promisify(execFile);

/** Collects a binary body (supertest parses only text and JSON by itself). */
const binary = (res: Response, done: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

/** An independent RFC 4180 reader (csv-parse), not the writer's own idea of quoting. */
const parseCsv = (text: string): string[][] => parse(text, { bom: false });

const squash = (s: string) => s.replace(/\s+/g, ' ');

describe('Report exports (XLSX, CSV, PDF) produced by the worker', () => {
  let t: TestApp;
  let worker: TestWorker;
  let gen: GeneratedRollout;
  let director: SignedIn;
  let report: {
    total: number;
    levels: Record<string, number | string>[];
    blocking: { unitName: string; level: string }[];
    blockingTotal: number;
    ackTime: { medianHours: number; p90Hours: number };
    activity: Record<string, number>;
  };

  beforeAll(async () => {
    // No mail is sent here (the rollout is written straight to the tables); the worker only needs an SMTP_URL to start.
    t = await createTestApp({ SMTP_URL: 'smtp://127.0.0.1:2' });
    await seedNamDinh(t);
    gen = await generateRollout(t);
    director = await signIn(t, Role.Leader, 'CA-36');
    report = (await t.http().get(`/api/v1/dispatches/${gen.dispatchId}/report`).set(director.auth).expect(200)).body;
    worker = await createTestWorker(t.config);
  });
  afterAll(async () => {
    await worker?.close();
    await t?.close();
  });

  async function exportFile(who: SignedIn, format: string) {
    const requested = await t.http().post(`/api/v1/dispatches/${gen.dispatchId}/report/exports`).set(who.auth).send({ format }).expect(202);
    expect(requested.body).toEqual({ id: expect.any(String), status: 'queued', progress: 0 });
    const id = requested.body.id as string;
    let status: Record<string, unknown> = {};
    for (const started = Date.now(); Date.now() - started < 45_000; await new Promise((r) => setTimeout(r, 100))) {
      status = (await t.http().get(`/api/v1/report-exports/${id}`).set(who.auth).expect(200)).body;
      if (status.status === 'done' || status.status === 'failed') break;
    }
    expect(status).toMatchObject({ status: 'done', progress: 100, error: null, downloadUrl: `/api/v1/report-exports/${id}/download` });
    const download = await t.http().get(`/api/v1/report-exports/${id}/download`).set(who.auth).buffer(true).parse(binary).expect(200);
    expect(download.body.length).toBe(status.sizeBytes);
    return { id, status, body: download.body as Buffer, headers: download.headers };
  }

  it('XLSX: a summary sheet with the report’s figures, one sheet per level, one of activities', async () => {
    const { body, headers, status } = await exportFile(director, 'xlsx');
    expect(headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(headers['content-disposition']).toContain("filename*=UTF-8''bao-cao-5207-CAT-PA05.xlsx");
    expect(status).toMatchObject({
      fileName: 'bao-cao-5207-CAT-PA05.xlsx',
      rowsTotal: report.total + report.activity.activities,
      rowsDone: report.total + report.activity.activities,
    });

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(body as never);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['Tổng hợp', 'Cấp tỉnh', 'Cấp huyện', 'Cấp xã', 'Công an xã', 'Hoạt động']);

    const summary = wb.getWorksheet('Tổng hợp')!;
    const rowOf = (label: string) => {
      const found: ExcelJS.CellValue[][] = [];
      summary.eachRow((row) => {
        if (row.getCell(1).value === label) found.push((row.values as ExcelJS.CellValue[]).slice(1));
      });
      expect(found).toHaveLength(1);
      return found[0];
    };
    expect(rowOf('Tổng số đơn vị nhận')[1]).toBe(report.total);
    expect(rowOf('Đơn vị chậm, đang chặn cấp dưới')[1]).toBe(report.blockingTotal);
    expect(rowOf('Thời gian xác nhận trung vị (giờ)')[1]).toBe(report.ackTime.medianHours);
    expect(rowOf('Thời gian xác nhận, 90% đơn vị (giờ)')[1]).toBe(report.ackTime.p90Hours);
    expect(rowOf('Đơn vị phải thực hiện')[1]).toBe(report.activity.actingUnits);
    expect(rowOf('Đơn vị có hoạt động')[1]).toBe(report.activity.unitsWithActivity);
    expect(rowOf('Tỷ lệ đơn vị có hoạt động')[1]).toBe(report.activity.coverage);
    expect(rowOf('Số hoạt động')[1]).toBe(report.activity.activities);
    expect(rowOf('Tổng số người được tiếp cận')[1]).toBe(Number(report.activity.totalReach));
    const levelNames: Record<string, string> = {
      province: 'Cấp tỉnh',
      district: 'Cấp huyện',
      commune: 'Cấp xã',
      commune_police: 'Công an xã',
    };
    for (const l of report.levels) {
      expect(rowOf(levelNames[l.level as string])).toEqual([
        levelNames[l.level as string],
        l.total,
        l.reached,
        l.reachedShare,
        l.acknowledged,
        l.acknowledgedShare,
        l.onTime,
        l.onTimeShare,
        l.late,
        Math.round(((l.late as number) / (l.total as number)) * 10_000) / 10_000,
        l.refused,
        Math.round(((l.refused as number) / (l.total as number)) * 10_000) / 10_000,
      ]);
    }

    for (const l of report.levels) {
      const sheet = wb.getWorksheet(levelNames[l.level as string])!;
      expect(sheet.rowCount - 1).toBe(l.total);
      expect(sheet.getRow(1).getCell(1).value).toBe('STT');
      expect(sheet.getRow(1).getCell(3).value).toBe('Tên đơn vị');
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(sheet.autoFilter).toBeTruthy();
    }
    // Dates are real dates, shown in Vietnam time: a district acknowledged (k+2) hours after 00:00 UTC, i.e. 07:00 + k + 2 in Vietnam.
    const districts = wb.getWorksheet('Cấp huyện')!;
    const ackColumn = (districts.getRow(1).values as string[]).indexOf('Thời điểm xác nhận');
    const ackCells: ExcelJS.CellValue[] = [];
    districts.eachRow((row, n) => n > 1 && ackCells.push(row.getCell(ackColumn).value));
    const acked = gen.deliveries.filter((d) => d.level === 'district' && d.acknowledgedAt);
    expect(ackCells.filter((v) => v instanceof Date)).toHaveLength(acked.length);
    const expectedWallClock = acked.map((d) => new Date(d.acknowledgedAt!.getTime() + 7 * 3_600_000).getTime()).sort();
    expect(
      ackCells
        .filter((v): v is Date => v instanceof Date)
        .map((v) => v.getTime())
        .sort(),
    ).toEqual(expectedWallClock);

    const activities = wb.getWorksheet('Hoạt động')!;
    expect(activities.rowCount - 1).toBe(report.activity.activities);
    const channels = new Set<string>();
    activities.eachRow((row, n) => n > 1 && channels.add(String(row.getCell(5).value)));
    expect([...channels].sort()).toEqual(['Bảng tin', 'Facebook', 'Họp dân', 'Loa truyền thanh']);
  });

  it('CSV: UTF-8 with BOM, Vietnamese headers, one record per delivery', async () => {
    const { body, headers } = await exportFile(director, 'csv');
    expect(headers['content-type']).toBe('text/csv; charset=utf-8');
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const records = parseCsv(body.subarray(3).toString('utf8'));
    expect(records[0].slice(0, 6)).toEqual(['STT', 'Mã đơn vị', 'Tên đơn vị', 'Cấp', 'Mục đích gửi', 'Trạng thái']);
    const rows = records.slice(1);
    expect(rows).toHaveLength(gen.deliveries.length);
    expect(rows.every((r) => r.length === records[0].length)).toBe(true);
    expect(rows.map((r) => r[1]).sort()).toEqual(gen.deliveries.map((d) => d.unitCode).sort());
    const names = new Map(gen.deliveries.map((d) => [d.unitCode, d.unitName]));
    expect(rows.every((r) => names.get(r[1]) === r[2])).toBe(true);
    const refused = rows.filter((r) => r[5] === 'Từ chối tiếp nhận');
    expect(refused).toHaveLength(gen.deliveries.filter((d) => d.refused).length);
    expect(refused.every((r) => r[6] === '02' && r.includes('Không đúng đơn vị nhận'))).toBe(true);
  });

  it('PDF: a Decree 30 report whose text extracts back exactly, in an embedded Vietnamese font', async () => {
    const { body, headers } = await exportFile(director, 'pdf');
    expect(headers['content-type']).toBe('application/pdf');
    expect(body.subarray(0, 5).toString()).toBe('%PDF-');
    const dir = await mkdtemp(path.join(tmpdir(), 'cvt-pdf-'));
    try {
      const file = path.join(dir, 'bao-cao.pdf');
      await writeFile(file, body);
      const text = squash((await run('pdftotext', ['-enc', 'UTF-8', file, '-'])).stdout);
      expect(text).toContain('CÔNG AN TỈNH NAM ĐỊNH');
      expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
      expect(text).toContain('Độc lập – Tự do – Hạnh phúc');
      expect(text).toContain('Số: ……/BC-CAT-PA05');
      expect(text).toMatch(/Nam Định, ngày \d{1,2} tháng \d{1,2} năm \d{4}/);
      expect(text).toContain('BÁO CÁO');
      expect(text).toContain('Kết quả triển khai Công văn số 5207/CAT-PA05 ngày 19/10/2023');
      expect(text).toContain('về việc thông báo thủ đoạn mới của tội phạm');
      expect(text).toContain(`công văn đã được gửi đến ${report.total} đơn vị`);
      // Every late unit is listed by its name, diacritics and all (e.g. "UBND xã Hải Đông").
      const lateCommunes = report.blocking.filter((b) => b.level === 'commune');
      expect(lateCommunes.some((b) => /[^ -~]/.test(b.unitName.replace(/^UBND xã /, '')))).toBe(true);
      for (const b of report.blocking) expect(text).toContain(b.unitName);
      expect(text).toContain('Nơi nhận:');
      expect(text).toContain('Đại tá Phan Văn Lý');
      const fonts = (await run('pdffonts', [file])).stdout;
      expect(fonts).toMatch(/BeVietnamPro-Regular\s.*\byes\b/);
      expect(fonts).toMatch(/BeVietnamPro-Bold\s.*\byes\b/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('an officer exports only the own branch', async () => {
    const forwarded = gen.deliveries.find((d) => d.level === 'district' && d.forwardedAt)!;
    const officer = await signIn(t, Role.Officer, forwarded.unitCode);
    const own = (await t.http().get(`/api/v1/dispatches/${gen.dispatchId}/report`).set(officer.auth).expect(200)).body;
    const { body } = await exportFile(officer, 'csv');
    const rows = parseCsv(body.subarray(3).toString('utf8')).slice(1);
    expect(rows).toHaveLength(own.total);
    expect(rows.length).toBeLessThan(gen.deliveries.length);
    expect(rows.some((r) => r[1] === forwarded.unitCode)).toBe(true);
  });

  it('nobody else reads an export: another district’s officer gets 404, and cannot export a dispatch outside the branch', async () => {
    const { id } = (
      await t.http().post(`/api/v1/dispatches/${gen.dispatchId}/report/exports`).set(director.auth).send({ format: 'pdf' }).expect(202)
    ).body;
    const stranger = await signIn(t, Role.Officer, 'CA-36-VT');
    const other = await signIn(t, Role.Officer, gen.deliveries.find((d) => d.level === 'district')!.unitCode);
    for (const who of [stranger, other]) {
      await t.http().get(`/api/v1/report-exports/${id}`).set(who.auth).expect(404);
      await t.http().get(`/api/v1/report-exports/${id}/download`).set(who.auth).expect(404);
    }
    await t.http().post(`/api/v1/dispatches/${gen.dispatchId}/report/exports`).set(stranger.auth).send({ format: 'pdf' }).expect(403);
    const admin = await signIn(t, Role.Admin, 'HE-THONG');
    await t.http().get(`/api/v1/report-exports/${id}`).set(admin.auth).expect(200);
  });

  it('refuses an unknown format with 400 and says which ones exist', async () => {
    const res = await t
      .http()
      .post(`/api/v1/dispatches/${gen.dispatchId}/report/exports`)
      .set(director.auth)
      .send({ format: 'docx' })
      .expect(400);
    expect(res.body.message).toContain('format (định dạng tệp) phải là một trong: xlsx, csv, pdf');
    await t.http().post(`/api/v1/dispatches/${gen.dispatchId}/report/exports`).set(director.auth).send({}).expect(400);
  });

  it('answers 409 with a Vietnamese message while the file is not ready', async () => {
    const [{ id }] = await t.db.query(
      `INSERT INTO report_exports (dispatch_id, requested_by, format, status, progress) VALUES ($1, $2, 'xlsx', 'running', 40) RETURNING id`,
      [gen.dispatchId, director.user.id],
    );
    const res = await t.http().get(`/api/v1/report-exports/${id}/download`).set(director.auth).expect(409);
    expect(res.body.message).toBe('Bản xuất báo cáo chưa sẵn sàng (đang tạo tệp, đã xong 40%). Hãy thử lại sau ít phút.');
    await t.db.query(`UPDATE report_exports SET status = 'failed', error = 'Không tạo được tệp báo cáo: hết dung lượng' WHERE id = $1`, [
      id,
    ]);
    const failed = await t.http().get(`/api/v1/report-exports/${id}/download`).set(director.auth).expect(409);
    expect(failed.body.message).toContain('hết dung lượng');
  });

  it('a failed attempt leaves no file: the row waits for the retry, then fails for good with the reason', async () => {
    // A worker whose storage cannot be written (DATA_DIR/files is a plain file), on a queue of its own.
    const broken = await mkdtemp(path.join(tmpdir(), 'cvt-broken-'));
    await writeFile(path.join(broken, 'files'), 'not a directory');
    const brokenWorker = await createTestWorker(t.config, { DATA_DIR: broken, QUEUE_PREFIX: `${t.config.QUEUE_PREFIX}-broken` });
    try {
      const [{ id }] = await t.db.query(
        `INSERT INTO report_exports (dispatch_id, requested_by, format) VALUES ($1, $2, 'csv') RETURNING id`,
        [gen.dispatchId, director.user.id],
      );
      const runner = brokenWorker.app.get(ExportRunner);
      await expect(runner.run(id, false)).rejects.toThrow();
      let status = (await t.http().get(`/api/v1/report-exports/${id}`).set(director.auth).expect(200)).body;
      expect(status).toMatchObject({ status: 'queued', finishedAt: null, downloadUrl: null });
      expect(status.error).toMatch(/^Không tạo được tệp báo cáo: /);
      await expect(runner.run(id, true)).rejects.toThrow();
      status = (await t.http().get(`/api/v1/report-exports/${id}`).set(director.auth).expect(200)).body;
      expect(status).toMatchObject({ status: 'failed', fileName: null, sizeBytes: null });
      expect(status.finishedAt).not.toBeNull();
      expect(await t.db.query(`SELECT storage_key FROM report_exports WHERE id = $1`, [id])).toEqual([{ storage_key: null }]);
      await t.http().get(`/api/v1/report-exports/${id}/download`).set(director.auth).expect(409);
    } finally {
      await brokenWorker.close();
      await rm(broken, { recursive: true, force: true });
    }
  });

  it('keeps one file per export and no temporary files', async () => {
    const dir = path.join(t.config.DATA_DIR, 'files', 'exports');
    const files = await readdir(dir);
    expect(files.filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const done: { id: string; format: string }[] = await t.db.query(`SELECT id, format FROM report_exports WHERE status = 'done'`);
    expect(files.sort()).toEqual(done.map((d) => `${d.id}.${d.format}`).sort());
  });
});
