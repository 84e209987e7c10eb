import { EDXML_CODE } from '@app/database';
import type { ActivityRow, DeliveryRow } from '@app/reports';
import { EXPORT_VI } from './export-text.vi.js';

/** datetime: an instant (shown in Vietnam time); date: a calendar date "YYYY-MM-DD". */
export type CellKind = 'text' | 'int' | 'datetime' | 'date';
export type CellValue = string | number | Date | null;

/** One column of a listing, shared by the XLSX sheets and the CSV so both say the same thing. */
export interface ExportColumn<R> {
  header: string;
  /** Spreadsheet width, in characters. */
  width: number;
  kind: CellKind;
  /** Several lines in one cell (links). */
  wrap?: boolean;
  value: (row: R, index: number) => CellValue;
}

const H = EXPORT_VI.deliveryColumns;
const flag = (on: boolean) => (on ? EXPORT_VI.yes : null);

export const DELIVERY_COLUMNS: ExportColumn<DeliveryRow>[] = [
  { header: H.index, width: 7, kind: 'int', value: (_, i) => i },
  { header: H.unitCode, width: 16, kind: 'text', value: (r) => r.unitCode },
  { header: H.unitName, width: 42, kind: 'text', value: (r) => r.unitName },
  { header: H.level, width: 12, kind: 'text', value: (r) => EXPORT_VI.level[r.level] },
  { header: H.purpose, width: 20, kind: 'text', value: (r) => EXPORT_VI.purpose[r.purpose] ?? r.purpose },
  { header: H.status, width: 18, kind: 'text', value: (r) => EXPORT_VI.status[r.status] ?? r.status },
  { header: H.edxmlCode, width: 12, kind: 'text', value: (r) => EDXML_CODE[r.status] ?? null },
  { header: H.sentAt, width: 17, kind: 'datetime', value: (r) => r.sentAt },
  { header: H.ackDueAt, width: 17, kind: 'datetime', value: (r) => r.ackDueAt },
  { header: H.acknowledgedAt, width: 17, kind: 'datetime', value: (r) => r.acknowledgedAt },
  { header: H.ackMethod, width: 18, kind: 'text', value: (r) => (r.ackMethod ? (EXPORT_VI.ackMethod[r.ackMethod] ?? r.ackMethod) : null) },
  { header: H.ackBy, width: 22, kind: 'text', value: (r) => r.ackByName },
  { header: H.timeliness, width: 12, kind: 'text', value: (r) => (r.onTime ? EXPORT_VI.onTime : r.late ? EXPORT_VI.late : null) },
  { header: H.overdueAck, width: 12, kind: 'text', value: (r) => flag(r.overdueAck) },
  { header: H.forwardDueAt, width: 17, kind: 'datetime', value: (r) => r.forwardDueAt },
  { header: H.forwardedAt, width: 17, kind: 'datetime', value: (r) => r.forwardedAt },
  { header: H.overdueForward, width: 12, kind: 'text', value: (r) => flag(r.overdueForward) },
  { header: H.overdueReport, width: 12, kind: 'text', value: (r) => flag(r.overdueReport) },
  { header: H.refusalReason, width: 30, kind: 'text', value: (r) => r.refusalReason },
  { header: H.activities, width: 10, kind: 'int', value: (r) => r.activities },
];

const A = EXPORT_VI.activityColumns;

export const ACTIVITY_COLUMNS: ExportColumn<ActivityRow>[] = [
  { header: A.index, width: 7, kind: 'int', value: (_, i) => i },
  { header: A.unitCode, width: 16, kind: 'text', value: (r) => r.unitCode },
  { header: A.unitName, width: 42, kind: 'text', value: (r) => r.unitName },
  { header: A.level, width: 12, kind: 'text', value: (r) => EXPORT_VI.level[r.level] },
  { header: A.channel, width: 24, kind: 'text', value: (r) => EXPORT_VI.channel[r.channel] ?? r.channel },
  { header: A.occurredOn, width: 13, kind: 'date', value: (r) => r.occurredOn },
  { header: A.place, width: 24, kind: 'text', value: (r) => r.place },
  { header: A.reach, width: 12, kind: 'int', value: (r) => r.reach },
  { header: A.quantity, width: 10, kind: 'int', value: (r) => r.quantity },
  { header: A.task, width: 12, kind: 'text', value: (r) => (r.taskNumber === null ? null : EXPORT_VI.task(r.taskNumber)) },
  { header: A.links, width: 40, kind: 'text', wrap: true, value: (r) => (r.links.length ? r.links.join('\n') : null) },
  { header: A.description, width: 40, kind: 'text', value: (r) => r.description },
  {
    header: A.flags,
    width: 30,
    kind: 'text',
    value: (r) => (r.flags.length ? r.flags.map((f) => EXPORT_VI.activityFlag[f] ?? f).join('; ') : null),
  },
];
