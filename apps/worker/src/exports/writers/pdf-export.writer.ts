import { ExportFormat } from '@app/database';
import type { BlockingUnit, DispatchReport, RollupNode } from '@app/reports';
import { Injectable } from '@nestjs/common';
import PDFDocument from 'pdfkit';
import type { Readable } from 'node:stream';
import { draftingUnit, reportSymbol } from '../export-naming.js';
import { EXPORT_VI, viHours, viNumber, viPercent } from '../export-text.vi.js';
import { dmy, vnParts } from '../vn-time.js';
import type { ExportJob, ExportWriter, PreparedExport } from './export-writer.js';
import { drawHeader, drawSignature, drawTitle, heading, numberPages, PAGE_MARGINS, paragraph, registerFonts, table } from './pdf-layout.js';

const V = EXPORT_VI.pdf;

/**
 * The formal report (Decree 30/2020 layout) drawn from the report's figures: it holds the summary,
 * the districts and the late units, never one line per delivery, so its size is bounded by the
 * report itself. The document streams out as pages are finished.
 */
@Injectable()
export class PdfExportWriter implements ExportWriter {
  readonly format = ExportFormat.Pdf;

  async prepare(job: ExportJob): Promise<PreparedExport> {
    const report = await job.loadReport();
    return { rowsTotal: districts(report).length + report.blocking.length, render: () => this.render(job, report) };
  }

  private render(job: ExportJob, report: DispatchReport): Readable {
    const d = report.dispatch;
    const doc = new PDFDocument({
      size: 'A4',
      margins: PAGE_MARGINS,
      info: { Title: `${V.title} ${V.about(reference(job, report))}`, Author: d.headerIssuer },
    });
    // Drawn on the next tick, once the caller is reading, so pages leave memory as they end.
    setImmediate(() => {
      try {
        this.draw(doc, job, report);
        doc.end();
      } catch (e) {
        doc.destroy(e instanceof Error ? e : new Error(String(e)));
      }
    });
    return doc;
  }

  private draw(doc: PDFKit.PDFDocument, job: ExportJob, r: DispatchReport): void {
    const d = r.dispatch;
    const today = vnParts(job.now);
    registerFonts(doc);
    numberPages(doc, V.pageNumber);

    drawHeader(doc, {
      authority: d.headerAuthority,
      issuer: d.headerIssuer,
      number: V.number(reportSymbol(d.symbol)),
      motto: V.motto,
      mottoLine: V.mottoLine,
      placeAndDate: V.placeAndDate(d.issuedPlace, today.day, today.month, today.year),
    });
    const ref = reference(job, r);
    const topic = d.subject.replace(/^V\/v\s*/i, '');
    drawTitle(doc, V.title, [V.about(ref), V.topic(topic)]);

    paragraph(doc, V.intro(ref, topic));
    heading(doc, V.section1);
    const sum = (k: 'acknowledged' | 'onTime' | 'late' | 'refused') => r.levels.reduce((s, l) => s + l[k], 0);
    const ack = sum('acknowledged');
    const now = vnParts(job.now);
    paragraph(
      doc,
      `${V.asOf(now.time, now.date)}, ${V.reached(r.total, ack, viPercent(r.total ? ack / r.total : 0), sum('onTime'), sum('late'), sum('refused'))}`,
    );
    for (const l of r.levels) {
      paragraph(
        doc,
        V.levelLine(EXPORT_VI.level[l.level], l.total, l.acknowledged, viPercent(l.acknowledgedShare), l.onTime, l.late, l.refused),
      );
    }
    const { medianHours, p90Hours } = r.ackTime;
    paragraph(doc, medianHours === null || p90Hours === null ? V.noAckTime : V.ackTime(viHours(medianHours), viHours(p90Hours)));
    const a = r.activity;
    paragraph(
      doc,
      V.activity(
        a.unitsWithActivity,
        a.actingUnits,
        viPercent(a.coverage),
        a.activities,
        viNumber(Number(a.totalReach)),
        viNumber(Number(a.totalQuantity)),
      ),
    );

    heading(doc, V.section2);
    const ds = districts(r);
    if (ds.length === 0) paragraph(doc, V.noDistricts);
    else table(doc, V.districtHeaders, ds.map(districtRow), [30, '*', 60, 72, 44, 44, 38, 38, 44]);

    heading(doc, V.section3);
    if (r.blockingTotal === 0) paragraph(doc, V.noBlocking);
    else {
      paragraph(doc, V.blockingIntro(r.blockingTotal));
      table(doc, V.blockingHeaders, r.blocking.map(blockingRow), [30, '*', 60, 94, 72, 60]);
      if (r.blocking.length < r.blockingTotal) paragraph(doc, V.blockingMore(r.blocking.length, r.blockingTotal), false);
    }

    drawSignature(doc, {
      recipientsTitle: V.recipientsTitle,
      recipients: V.recipients(draftingUnit(d.symbol)),
      titleLines: (d.signerTitle ?? '').split(/\s*(?:\n|\/)\s*/).filter(Boolean),
      name: [d.signerRank, d.signerName].filter(Boolean).join(' '),
    });
  }
}

/** "Công văn số 5207/CAT-PA05 ngày 19/10/2023" */
const reference = (job: ExportJob, report: DispatchReport): string => {
  const d = report.dispatch;
  return V.reference(job.documentType, `${d.number}/${d.symbol}`, dmy(d.issuedDate));
};

/** District-level rollup nodes: each district's own state and the totals of the units below it. */
const districts = (r: DispatchReport): RollupNode[] => r.tree.filter((n) => n.level === 'district');

function districtRow(n: RollupNode, i: number): string[] {
  return [
    String(i + 1),
    n.unitName,
    EXPORT_VI.status[n.status as keyof typeof EXPORT_VI.status] ?? n.status,
    n.acknowledgedAt ? vnParts(new Date(n.acknowledgedAt)).date : '',
    viNumber(n.below.total),
    viNumber(n.below.acknowledged),
    viNumber(n.below.refused),
    viNumber(n.below.overdue),
    viNumber(n.below.withActivity),
  ];
}

function blockingRow(b: BlockingUnit, i: number): string[] {
  const due = b.overdueAck ? b.ackDueAt : b.forwardDueAt;
  return [
    String(i + 1),
    b.unitName,
    EXPORT_VI.level[b.level],
    V.lateness(b.overdueAck, b.overdueForward),
    due ? vnParts(new Date(due)).date : '',
    viNumber(b.waitingBelow),
  ];
}
