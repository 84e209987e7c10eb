import type { EscalationMailContext } from '@app/follow-up';
import { Injectable } from '@nestjs/common';
import type { RenderedMail } from './dispatch-mail.types.js';
import { calendarDate, escapeHtml, oneLine, vnDateTime } from './format.js';
import { VI } from './vi.js';

// The read models are declared beside their SQL (libs/follow-up); re-exported for the mail's callers.
export type { EscalationMailContext } from '@app/follow-up';

/**
 * The escalation e-mail (đôn đốc): to the unit above late units (the one that forwarded to them, or
 * the issuer), the list of its units that have not done a step past the deadline and its grace.
 */
@Injectable()
export class EscalationMail {
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
