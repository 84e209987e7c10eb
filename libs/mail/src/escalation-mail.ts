import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { FollowUpStep, RenderedMail } from './dispatch-mail.types.js';
import { calendarDate, escapeHtml, oneLine, vnDateTime } from './format.js';
import { VI } from './vi.js';

export interface EscalationMailContext {
  toAddress: string;
  recipientName: string;
  step: FollowUpStep;
  documentType: string;
  numberSymbol: string;
  issuedDate: string;
  subject: string;
  lateUnits: { name: string; dueAt: Date }[];
}

/**
 * The escalation e-mail (đôn đốc): to the unit above late units (the one that forwarded to them, or
 * the issuer), the list of its units that have not done a step past the deadline and its grace.
 */
@Injectable()
export class EscalationMail {
  async load(em: EntityManager, messageId: string): Promise<EscalationMailContext | null> {
    const [row] = await em.query(
      `SELECT m.to_address, u.name AS recipient_name, e.step, x.document_type, x.number || '/' || x.symbol AS number_symbol,
              x.issued_date::text AS issued_date, x.subject,
              (SELECT json_agg(json_build_object('name', lu.name, 'dueAt',
                        CASE e.step WHEN 'ack' THEN ld.ack_due_at WHEN 'forward' THEN ld.forward_due_at ELSE ld.report_due_at END)
                      ORDER BY lu.name)
                 FROM deliveries ld JOIN units lu ON lu.id = ld.unit_id
                WHERE ld.id = ANY(e.late_delivery_ids)) AS late_units
         FROM messages m
         JOIN escalations e ON e.id = m.escalation_id
         JOIN units u ON u.id = e.to_unit_id
         JOIN dispatches x ON x.id = e.dispatch_id
        WHERE m.id = $1`,
      [messageId],
    );
    if (!row) return null;
    return {
      toAddress: row.to_address,
      recipientName: row.recipient_name,
      step: row.step,
      documentType: row.document_type,
      numberSymbol: row.number_symbol,
      issuedDate: row.issued_date,
      subject: row.subject,
      lateUnits: (row.late_units ?? []).map((u: { name: string; dueAt: string }) => ({ name: u.name, dueAt: new Date(u.dueAt) })),
    };
  }

  render(ctx: EscalationMailContext): RenderedMail {
    const step = VI.reminder.step[ctx.step];
    const doc = VI.documentShort(ctx.documentType, ctx.numberSymbol, calendarDate(ctx.issuedDate).short);
    const subject = oneLine(`${VI.kindPrefix.escalation}${doc}${VI.subjectSeparator}${VI.escalation.subject(ctx.lateUnits.length, step)}`);
    const lines = ctx.lateUnits.map((u, i) => {
      const { time, date } = vnDateTime(u.dueAt);
      return `${i + 1}. ${VI.escalation.lateUnit(u.name, `${time} ${date}`)}`;
    });
    const paras = [VI.greeting(ctx.recipientName), VI.escalation.intro(doc, step), `${VI.field.subject}: ${oneLine(ctx.subject)}`];
    const text = [...paras, '', `${VI.escalation.section}:`, ...lines, '', VI.footer].join('\n') + '\n';
    const html =
      `<!doctype html>\n<html lang="vi"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head><body>` +
      paras.map((p) => `<p>${escapeHtml(p)}</p>`).join('') +
      `<h3>${escapeHtml(VI.escalation.section)}</h3><ol>` +
      lines.map((l) => `<li>${escapeHtml(l.replace(/^\d+\. /, ''))}</li>`).join('') +
      `</ol><p style="color: #555; font-size: 13px;">${escapeHtml(VI.footer)}</p></body></html>\n`;
    return { subject, text, html, attachments: [], ackUrl: '' };
  }
}
