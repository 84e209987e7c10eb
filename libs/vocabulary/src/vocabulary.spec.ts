import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as values from './values.js';
import { deliveryStatusText, VI_LABELS } from './labels.vi.js';
import { ERRORS, errorMessage } from './errors.vi.js';
import { roundOneDecimal, viHours, viHoursText, viNumber, viPercent, viReminderSummary } from './format.vi.js';

// Each enum of values.ts, with the catalogue entry that must name every one of its values.
const CATALOGUE: [string, object, Record<string, string>][] = [
  ['DeliveryStatus', values.DeliveryStatus, VI_LABELS.deliveryStatus],
  ['DispatchStatus', values.DispatchStatus, VI_LABELS.dispatchStatus],
  ['RecipientPurpose', values.RecipientPurpose, VI_LABELS.purpose],
  ['RecipientGroup', values.RecipientGroup, VI_LABELS.recipientGroup],
  ['Urgency', values.Urgency, VI_LABELS.urgency],
  ['UnitType', values.UnitType, VI_LABELS.unitType],
  ['UnitLevel', values.UnitLevel, VI_LABELS.unitLevel],
  ['Role', values.Role, VI_LABELS.role],
  ['ActivityChannel', values.ActivityChannel, VI_LABELS.channel],
  ['ActivityFlag', values.ActivityFlag, VI_LABELS.activityFlag],
  ['AckMethod', values.AckMethod, VI_LABELS.ackMethod],
  ['MessageStatus', values.MessageStatus, VI_LABELS.messageStatus],
  ['MessageKind', values.MessageKind, VI_LABELS.messageKind],
  ['ExportFormat', values.ExportFormat, VI_LABELS.exportFormat],
  ['ExportStatus', values.ExportStatus, VI_LABELS.exportStatus],
  ['DeliveryAction', values.DeliveryAction, VI_LABELS.deliveryAction],
  ['LinkSignupSetting', values.LinkSignupSetting, VI_LABELS.linkSignupSetting],
];

describe('the Vietnamese vocabulary', () => {
  it('has a catalogue entry for every enum of values.ts', () => {
    const enums = Object.entries(values)
      .filter(([, v]) => typeof v === 'object' && !Array.isArray(v))
      .map(([name]) => name);
    expect(CATALOGUE.map(([name]) => name).sort()).toEqual(enums.sort());
  });

  for (const [name, enumObject, labels] of CATALOGUE) {
    it(`labels every ${name}`, () => {
      const missing = Object.values(enumObject).filter((value: string) => !labels[value]?.trim());
      expect(missing).toEqual([]);
    });
  }

  it('labels every report level', () => {
    expect(values.REPORT_LEVELS.filter((l) => !VI_LABELS.reportLevel[l])).toEqual([]);
  });

  it('gives one word per delivery status, telling sent, opened and acknowledged apart', () => {
    const words = Object.values(VI_LABELS.deliveryStatus);
    expect(new Set(words).size).toBe(words.length);
    expect(deliveryStatusText(values.DeliveryStatus.Sent)).toBe('Đã gửi, chưa mở');
    expect(deliveryStatusText(values.DeliveryStatus.Arrived)).toBe('01 — Đã mở, chưa xác nhận');
    expect(deliveryStatusText(values.DeliveryStatus.Accepted)).toBe('03 — Đã xác nhận tiếp nhận');
  });

  it("names the report's first column for what it counts (sent), never 'đã đến' (01, opened)", () => {
    expect(VI_LABELS.reportFigure.sent).toBe('Đã gửi');
    expect(Object.values(VI_LABELS.reportFigure).join(' ').toLowerCase()).not.toContain('đã đến');
    expect(VI_LABELS.reportFigure.acknowledged).toBe(VI_LABELS.deliveryStatus[values.DeliveryStatus.Accepted]);
  });

  it('names each missed deadline on its own, so an on-time acknowledgement never reads as late', () => {
    expect(new Set(Object.values(VI_LABELS.overdue)).size).toBe(3);
    expect(VI_LABELS.overdue.forward).not.toBe(VI_LABELS.overdue.ack);
  });

  it('has a Vietnamese message and an HTTP status for every error code', () => {
    for (const [code, entry] of Object.entries(ERRORS)) {
      expect(code).toMatch(/^[A-Z][A-Z_]+$/);
      expect([400, 401, 403, 404, 409, 410, 413, 415, 429, 503]).toContain(entry.status);
      const text = typeof entry.message === 'function' ? (entry.message as (p: unknown) => string)({}) : entry.message;
      expect(text.trim().length).toBeGreaterThan(10);
    }
    expect(errorMessage('DELIVERY_NOT_FOUND', { id: 'abc' })).toBe('Không tìm thấy lượt nhận công văn abc.');
    expect(errorMessage('DISPATCH_CLOSED')).toMatch(/kết thúc/);
  });

  it('rounds every figure the same way', () => {
    expect(roundOneDecimal(0.05)).toBe(0.1);
    expect(roundOneDecimal(2.25)).toBe(2.3);
    expect(viHours(0.01)).toBe('< 0,1');
    expect(viHours(0)).toBe('0');
    expect(viHours(3.46)).toBe('3,5');
    expect(viHours(null)).toBe('—');
    expect(viHoursText(12)).toBe('12 giờ');
    expect(viPercent(0.8244)).toBe('82,4%');
    expect(viPercent(1)).toBe('100%');
    expect(viNumber(12345)).toBe('12.345');
  });

  it('writes the reminder history in Vietnam time, whatever the time zone of the machine', () => {
    expect(viReminderSummary(2, new Date('2026-12-05T01:30:00Z'))).toBe('đã nhắc 2 lần, lần cuối 08:30 05/12');
    expect(viReminderSummary(1, '2026-12-31T17:05:00Z')).toBe('đã nhắc 1 lần, lần cuối 00:05 01/01');
  });

  it('imports nothing but its own files, so the browser can use it', () => {
    const dir = fileURLToPath(new URL('.', import.meta.url));
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts'))) {
      const imports = [...readFileSync(`${dir}/${file}`, 'utf8').matchAll(/from '([^']+)'/g)].map((m) => m[1]);
      expect({ file, foreign: imports.filter((i) => !i.startsWith('./')) }).toEqual({ file, foreign: [] });
    }
  });
});
