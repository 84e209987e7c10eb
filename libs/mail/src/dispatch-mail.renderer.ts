import { AckLinkSigner, FileStore } from '@app/common';
import { MessageKind, Urgency } from '@app/database';
import { Injectable } from '@nestjs/common';
import type { Readable } from 'node:stream';
import type { DispatchMailContext, RenderedAttachment, RenderedMail } from './dispatch-mail.types.js';
import { calendarDate, emphasisToHtml, emphasisToText, escapeHtml, fileSize, oneLine, vnDateTime } from './format.js';
import { VI } from './vi.js';

/** Attachments up to this total go in the e-mail; above it, recipients fetch them through the link. */
export const MAX_ATTACHED_BYTES = 5 * 1024 * 1024;

/** One neutral description of the mail, written out once as plain text and once as HTML. */
type Block =
  | { kind: 'para'; text: string; strong?: boolean }
  | { kind: 'section'; title: string }
  | { kind: 'fields'; rows: [label: string, value: string][] }
  | { kind: 'items'; items: [label: string, text: string][]; emphasis?: boolean }
  | { kind: 'link'; href: string; label: string }
  | { kind: 'note'; text: string }
  /** Blocks written out once per dispatch and reused for every recipient (see DispatchMailRenderer.shared). */
  | { kind: 'prerendered'; text: string[]; html: string[] };

/** What every mail of a dispatch has in common, rendered once: the tasks, the attachment list and files. */
interface SharedParts {
  /** The context parts it was made from: a context built from other objects gets its own. */
  from: Pick<DispatchMailContext, 'tasks' | 'attachments' | 'issuerName'>;
  attach: boolean;
  tasks: Block | null;
  attachmentList: Block | null;
  files: Promise<RenderedAttachment[]>;
}

/**
 * Renders the e-mail of one delivery of a dispatch (notice, reminder, escalation), in Vietnamese,
 * as HTML and plain text with the same content: metadata, purpose, tasks, deadlines, attachments
 * and the delivery's acknowledgement link. All user-facing words come from vi.ts.
 */
@Injectable()
export class DispatchMailRenderer {
  constructor(
    private readonly signer: AckLinkSigner,
    private readonly files: FileStore,
  ) {}

  subject(ctx: DispatchMailContext): string {
    const d = ctx.dispatch;
    const urgency = d.urgency === Urgency.Normal ? '' : `[${VI.urgency[d.urgency]}] `;
    return oneLine(
      `${VI.kindPrefix[ctx.message.kind]}${urgency}${this.documentRef(ctx)}${VI.subjectSeparator}${withSubjectPrefix(d.subject)}`,
    );
  }

  ackUrl(ctx: DispatchMailContext): string {
    const { delivery } = ctx;
    return this.signer.url(this.signer.token(delivery.id, delivery.linkExpiresAt, delivery.linkNonce));
  }

  /**
   * Parts shared by every recipient of a dispatch, keyed by the dispatch object: the worker's loader
   * hands every mail of a dispatch the same objects, so a publish to 70,000 units renders the tasks
   * and reads the attachment files once instead of 70,000 times. Entries go with their dispatch object.
   */
  private readonly sharedParts = new WeakMap<object, SharedParts>();

  async render(ctx: DispatchMailContext): Promise<RenderedMail> {
    const ackUrl = this.ackUrl(ctx);
    const shared = this.shared(ctx);
    const blocks = this.blocks(ctx, ackUrl, shared);
    const subject = this.subject(ctx);
    try {
      // A recall notice carries no files: the recalled text is not to be used.
      const attachments = ctx.message.kind === MessageKind.Recall ? [] : await shared.files;
      return { subject, text: toText(blocks), html: toHtml(blocks, subject), attachments, ackUrl };
    } catch (e) {
      // A file that could not be read is read again by the retry, not remembered as missing.
      this.sharedParts.delete(ctx.dispatch);
      throw e;
    }
  }

  private shared(ctx: DispatchMailContext): SharedParts {
    const hit = this.sharedParts.get(ctx.dispatch);
    if (hit && hit.from.tasks === ctx.tasks && hit.from.attachments === ctx.attachments && hit.from.issuerName === ctx.issuerName)
      return hit;
    const attach = ctx.attachments.reduce((sum, a) => sum + a.sizeBytes, 0) <= MAX_ATTACHED_BYTES;
    const parts: SharedParts = {
      from: { tasks: ctx.tasks, attachments: ctx.attachments, issuerName: ctx.issuerName },
      attach,
      tasks: ctx.tasks.length > 0 ? prerender(this.taskBlocks(ctx)) : null,
      attachmentList: ctx.attachments.length > 0 ? prerender(this.attachmentBlocks(ctx, attach)) : null,
      files: attach ? Promise.all(ctx.attachments.map((a) => this.load(a))) : Promise.resolve([]),
    };
    // Not awaited here: a failure reaches the render that awaits it.
    parts.files.catch(() => undefined);
    this.sharedParts.set(ctx.dispatch, parts);
    return parts;
  }

  private taskBlocks(ctx: DispatchMailContext): Block[] {
    const tasks = [...ctx.tasks].sort((a, b) => a.number - b.number);
    return [
      { kind: 'section', title: VI.section.tasks },
      { kind: 'items', items: tasks.map((t) => [`${t.number}.`, t.text.trim()]), emphasis: true },
    ];
  }

  private attachmentBlocks(ctx: DispatchMailContext, attach: boolean): Block[] {
    const total = ctx.attachments.reduce((sum, a) => sum + a.sizeBytes, 0);
    return [
      { kind: 'section', title: VI.section.attachments },
      { kind: 'items', items: ctx.attachments.map((a) => ['–', `${a.fileName} (${fileSize(a.sizeBytes)}) — SHA-256: ${a.sha256}`]) },
      { kind: 'note', text: attach ? VI.attachmentsIncluded : VI.attachmentsTooLarge(fileSize(total), fileSize(MAX_ATTACHED_BYTES)) },
    ];
  }

  private documentRef(ctx: DispatchMailContext): string {
    const d = ctx.dispatch;
    return VI.documentRef(d.documentType, `${d.number}/${d.symbol}`, calendarDate(d.issuedDate).short, ctx.issuerName);
  }

  private intro(ctx: DispatchMailContext, shortRef: string): string {
    const f = ctx.followUp;
    if (ctx.message.kind !== MessageKind.Reminder || !f) return VI.intro[ctx.message.kind](ctx.issuerName, shortRef);
    const { time, date } = vnDateTime(new Date(f.dueAt));
    const write = f.overdue ? VI.reminder.overdue : VI.reminder.before;
    return write(ctx.issuerName, shortRef, VI.reminder.step[f.step], VI.before(time, date));
  }

  private blocks(ctx: DispatchMailContext, ackUrl: string, shared: SharedParts): Block[] {
    const d = ctx.dispatch;
    const issued = calendarDate(d.issuedDate);
    const shortRef = VI.documentShort(d.documentType, `${d.number}/${d.symbol}`, issued.short);
    const blocks: Block[] = [
      { kind: 'para', text: VI.greeting(ctx.recipientName), strong: true },
      { kind: 'para', text: this.intro(ctx, shortRef) },
    ];
    if (ctx.message.kind === MessageKind.Recall) {
      return [
        ...blocks,
        {
          kind: 'fields',
          rows: [
            [VI.field.numberSymbol, `${d.number}/${d.symbol}`],
            [VI.field.subject, withSubjectPrefix(d.subject)],
          ],
        },
        { kind: 'fields', rows: [[VI.recall.reason, ctx.recallReason ?? '']] },
        { kind: 'note', text: VI.recall.readOnly },
        { kind: 'note', text: VI.footer },
      ];
    }

    const fields: [string, string][] = [];
    if (d.urgency !== Urgency.Normal) fields.push([VI.field.urgency, VI.urgency[d.urgency]]);
    fields.push(
      [VI.field.numberSymbol, `${d.number}/${d.symbol}`],
      [VI.field.issued, VI.placeAndDate(d.issuedPlace, issued.day, issued.month, issued.year)],
      [VI.field.issuerHeader, [d.headerAuthority, d.headerIssuer].filter(Boolean).join(' — ')],
      [VI.field.subject, withSubjectPrefix(d.subject)],
      [VI.field.signer, [d.signerTitle, [d.signerRank, d.signerName].filter(Boolean).join(' ')].filter(Boolean).join(' — ')],
      [VI.field.purpose, VI.purpose[ctx.delivery.purpose]],
    );
    if (ctx.forwardedByName) fields.push([VI.field.forwardedBy, ctx.forwardedByName]);
    if (ctx.delivery.instruction) fields.push([VI.field.instruction, ctx.delivery.instruction.trim()]);
    blocks.push({ kind: 'fields', rows: fields });

    if (shared.tasks) blocks.push(shared.tasks);

    const deadlines = (
      [
        [VI.deadline.ack, ctx.delivery.ackDueAt],
        [VI.deadline.forward, ctx.delivery.forwardDueAt],
        [VI.deadline.report, ctx.delivery.reportDueAt],
      ] as const
    ).filter((row): row is readonly [string, Date] => row[1] != null);
    if (deadlines.length > 0) {
      const rows = deadlines.map(([label, at]): [string, string] => {
        const { time, date } = vnDateTime(new Date(at));
        return [label, VI.before(time, date)];
      });
      blocks.push({ kind: 'section', title: VI.section.deadlines }, { kind: 'fields', rows });
    }

    if (shared.attachmentList) blocks.push(shared.attachmentList);

    const until = vnDateTime(new Date(ctx.delivery.linkExpiresAt));
    blocks.push(
      { kind: 'section', title: VI.section.ack },
      { kind: 'link', href: ackUrl, label: VI.ackLinkLabel },
      { kind: 'note', text: VI.ackExplain(`${until.time} ngày ${until.date}`) },
      { kind: 'note', text: VI.footer },
    );
    return blocks;
  }

  private async load(a: DispatchMailContext['attachments'][number]): Promise<RenderedAttachment> {
    // Read whole (at most MAX_ATTACHED_BYTES in all): a buffer survives the transport's retries.
    return { filename: a.fileName, contentType: a.contentType, content: await readAll(this.files.open(a.storageKey)) };
  }
}

function withSubjectPrefix(subject: string): string {
  const s = oneLine(subject);
  return /^v\/v\b/i.test(s) ? s : `${VI.subjectPrefix} ${s}`;
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function toText(blocks: Block[]): string {
  return textLines(blocks).join('\n').trimEnd() + '\n';
}

/** Blocks written out once, as the lines and HTML fragments toText and toHtml would give them. */
function prerender(blocks: Block[]): Block {
  return { kind: 'prerendered', text: textLines(blocks), html: htmlParts(blocks) };
}

function textLines(blocks: Block[]): string[] {
  const out: string[] = [];
  for (const b of blocks) {
    switch (b.kind) {
      case 'prerendered':
        out.push(...b.text);
        break;
      case 'para':
      case 'note':
        out.push(b.text, '');
        break;
      case 'section':
        out.push(b.title.toLocaleUpperCase('vi'), '');
        break;
      case 'fields':
        out.push(...b.rows.map(([label, value]) => `${label}: ${value}`), '');
        break;
      case 'items':
        out.push(...b.items.map(([label, text]) => `${label} ${b.emphasis ? emphasisToText(text) : text}`), '');
        break;
      case 'link':
        out.push(`${b.label}:`, b.href, '');
        break;
    }
  }
  return out;
}

const FONT = "font-family: Arial, 'Helvetica Neue', sans-serif; font-size: 15px; line-height: 1.5; color: #1a1a1a;";

function toHtml(blocks: Block[], title: string): string {
  const e = escapeHtml;
  const body = htmlParts(blocks).join('\n');
  return `<!doctype html>\n<html lang="vi"><head><meta charset="utf-8"><title>${e(title)}</title></head>\n<body style="${FONT}">\n${body}\n</body></html>\n`;
}

function htmlParts(blocks: Block[]): string[] {
  const e = escapeHtml;
  return blocks.flatMap((b) => {
    switch (b.kind) {
      case 'prerendered':
        return b.html;
      case 'para':
        return b.strong ? `<p><strong>${e(b.text)}</strong></p>` : `<p>${e(b.text)}</p>`;
      case 'note':
        return `<p style="color: #555; font-size: 13px;">${e(b.text)}</p>`;
      case 'section':
        return `<h3 style="margin: 20px 0 8px; font-size: 16px;">${e(b.title)}</h3>`;
      case 'fields':
        return `<table role="presentation" cellpadding="4" style="border-collapse: collapse;">${b.rows
          .map(
            ([label, value]) =>
              `<tr><td style="color: #555; vertical-align: top; white-space: nowrap;">${e(label)}:</td><td>${e(value)}</td></tr>`,
          )
          .join('')}</table>`;
      case 'items':
        return b.items
          .map(
            ([label, text]) =>
              `<p style="margin: 6px 0; padding-left: 1.6em; text-indent: -1.6em;">${e(label)}&nbsp;${b.emphasis ? emphasisToHtml(text) : e(text)}</p>`,
          )
          .join('');
      case 'link':
        return `<p><a href="${e(b.href)}" style="display: inline-block; padding: 10px 16px; background: #b71c1c; color: #fff; text-decoration: none; border-radius: 4px;">${e(b.label)}</a></p><p style="font-size: 13px; word-break: break-all;"><a href="${e(b.href)}">${e(b.href)}</a></p>`;
    }
  });
}
