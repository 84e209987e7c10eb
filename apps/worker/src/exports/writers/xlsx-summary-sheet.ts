import type { DispatchReport } from '@app/reports';
import type { Workbook } from 'exceljs';
import { EXPORT_VI } from '../export-text.vi.js';
import { dmy, vnWallClock } from '../vn-time.js';
import type { ExportJob } from './export-writer.js';
import { HEADER_FONT, PERCENT_FORMAT, styleHeader } from './xlsx-cells.js';

type Cellish = string | number | Date | null;
const S = EXPORT_VI.summary;
const share = (n: number, total: number) => (total === 0 ? 0 : Math.round((n / total) * 10_000) / 10_000);

/**
 * The "Tổng hợp" sheet: the report's figures, label in column A and value(s) beside it, the same
 * numbers the JSON report gives (shares as fractions shown as percentages).
 */
export function writeSummarySheet(workbook: Workbook, job: ExportJob, r: DispatchReport): void {
  const sheet = workbook.addWorksheet(EXPORT_VI.sheet.summary);
  sheet.columns = [{ width: 44 }, ...Array.from({ length: 11 }, () => ({ width: 14 }))];
  const add = (values: Cellish[], opts: { bold?: boolean; percentCols?: number[]; header?: boolean } = {}) => {
    const row = sheet.addRow(values);
    if (opts.header) styleHeader(row);
    else if (opts.bold) row.font = HEADER_FONT;
    for (const c of opts.percentCols ?? []) row.getCell(c).numFmt = PERCENT_FORMAT;
    row.commit();
  };
  const blank = () => add([]);

  const d = r.dispatch;
  add([S.heading(job.documentType, `${d.number}/${d.symbol}`, dmy(d.issuedDate))], { bold: true });
  add([d.subject]);
  add([d.headerIssuer]);
  const asOf = sheet.addRow([S.asOf, vnWallClock(job.now)]);
  asOf.getCell(2).numFmt = 'dd/mm/yyyy hh:mm';
  asOf.commit();
  add([S.scope, job.scopePath ? S.scopeBranch : S.scopeAll]);
  blank();

  const sum = (k: 'acknowledged' | 'onTime' | 'late' | 'refused') => r.levels.reduce((s, l) => s + l[k], 0);
  add([S.overview], { bold: true });
  add([S.total, r.total]);
  add([S.acknowledged, sum('acknowledged'), share(sum('acknowledged'), r.total)], { percentCols: [3] });
  add([S.onTime, sum('onTime'), share(sum('onTime'), r.total)], { percentCols: [3] });
  add([S.late, sum('late'), share(sum('late'), r.total)], { percentCols: [3] });
  add([S.refused, sum('refused'), share(sum('refused'), r.total)], { percentCols: [3] });
  add([S.blocking, r.blockingTotal]);
  add([S.medianHours, r.ackTime.medianHours]);
  add([S.p90Hours, r.ackTime.p90Hours]);
  add([S.actingUnits, r.activity.actingUnits]);
  add([S.unitsWithActivity, r.activity.unitsWithActivity]);
  add([S.coverage, r.activity.coverage], { percentCols: [2] });
  add([S.activities, r.activity.activities]);
  add([S.totalReach, Number(r.activity.totalReach)]);
  add([S.totalQuantity, Number(r.activity.totalQuantity)]);
  blank();

  add([S.byLevel], { bold: true });
  add(S.levelHeaders, { header: true });
  for (const l of r.levels) {
    add(
      [
        EXPORT_VI.level[l.level],
        l.total,
        l.reached,
        l.reachedShare,
        l.acknowledged,
        l.acknowledgedShare,
        l.onTime,
        l.onTimeShare,
        l.late,
        share(l.late, l.total),
        l.refused,
        share(l.refused, l.total),
      ],
      { percentCols: [4, 6, 8, 10, 12] },
    );
  }
  blank();

  writeCounts(S.byStatus, S.statusHeader, r.byStatus, (k) => EXPORT_VI.status[k as keyof typeof EXPORT_VI.status] ?? k, add);
  blank();
  writeCounts(S.byPurpose, S.purposeHeader, r.byPurpose, (k) => EXPORT_VI.purpose[k as keyof typeof EXPORT_VI.purpose] ?? k, add);
  blank();
  writeCoverage(
    S.byChannel,
    S.channelHeader,
    r.activity.byChannel,
    (k) => EXPORT_VI.channel[k as keyof typeof EXPORT_VI.channel] ?? k,
    add,
  );
  blank();
  writeCoverage(S.byTask, S.taskHeader, r.activity.byTask, (k) => EXPORT_VI.task(Number(k)), add);
  sheet.commit();
}

type Add = (values: Cellish[], opts?: { bold?: boolean; percentCols?: number[]; header?: boolean }) => void;

function writeCounts(title: string, keyHeader: string, counts: Record<string, number>, label: (k: string) => string, add: Add): void {
  add([title], { bold: true });
  add([keyHeader, S.countHeader], { header: true });
  for (const [k, n] of Object.entries(counts)) add([label(k), n]);
}

function writeCoverage(
  title: string,
  keyHeader: string,
  rows: DispatchReport['activity']['byChannel'],
  label: (k: string) => string,
  add: Add,
): void {
  add([title], { bold: true });
  add([keyHeader, ...S.coverageHeaders], { header: true });
  for (const c of rows) add([label(c.key), c.units, c.coverage, c.activities, Number(c.reach), Number(c.quantity)], { percentCols: [3] });
}
