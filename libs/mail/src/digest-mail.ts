import { AppConfig } from '@app/config';
import { Urgency } from '@app/vocabulary';
import type { DigestLateUnit, DigestMailContext } from '@app/follow-up';
import { Injectable } from '@nestjs/common';
import type { RenderedMail } from './dispatch-mail.types.js';
import { calendarDate, escapeHtml, oneLine, vnDateTime } from './format.js';
import { VI } from './vi.js';

type Block =
  | { kind: 'para'; text: string; strong?: boolean }
  | { kind: 'section'; title: string }
  /** A numbered list, and what the cap left out ("… và 3 đơn vị khác"). */
  | { kind: 'list'; items: string[]; more?: string }
  | { kind: 'link'; label: string; href: string }
  | { kind: 'note'; text: string };

// The read models are declared beside their SQL (libs/follow-up); re-exported for the mail's callers.
export type { DigestContent, DigestLateUnit, DigestMailContext } from '@app/follow-up';

/**
 * The leader's daily digest (tin tổng hợp hằng ngày): new dispatches, late units by the branch that
 * directs them, and what changed since yesterday's digest hour. It renders the snapshot stored with the
 * digest, so what a leader reads is the state at the digest's instant, whenever the mail goes out.
 */
@Injectable()
export class DigestMail {
  constructor(private readonly config: AppConfig) {}

  render(ctx: DigestMailContext): RenderedMail {
    const c = ctx.content;
    const subject = oneLine(
      `${VI.kindPrefix.digest}${VI.digest.subject(calendarDate(ctx.day).short, c.newDispatches.total, c.late.total, c.changes.acknowledged)}`,
    );
    const blocks = this.blocks(ctx);
    const text = blocks.map(blockText).join('\n') + '\n';
    const html =
      `<!doctype html>\n<html lang="vi"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head><body>` +
      blocks.map(blockHtml).join('') +
      `</body></html>\n`;
    return { subject, text, html, attachments: [], ackUrl: '' };
  }

  private blocks(ctx: DigestMailContext): Block[] {
    const { newDispatches: fresh, late, changes } = ctx.content;
    const at = (iso: string) => {
      const { time, date } = vnDateTime(new Date(iso));
      return `${time} ${date}`;
    };
    const lateLine = (u: DigestLateUnit) => {
      const steps = u.steps.map((s) => VI.reminder.step[s]).join(VI.digest.stepsJoin);
      return u.lateCount === 1 && u.numberSymbol
        ? VI.digest.late.unit(u.name, steps, doc(u), at(u.dueAt))
        : VI.digest.late.unitMany(u.name, steps, u.lateCount, at(u.dueAt));
    };
    const blocks: Block[] = [
      { kind: 'para', text: VI.digest.greeting(ctx.leaderName, ctx.unitName), strong: true },
      { kind: 'para', text: VI.digest.intro(ctx.unitName, at(ctx.content.since), at(ctx.content.until)) },
      { kind: 'section', title: VI.digest.fresh.title(fresh.total) },
    ];
    if (fresh.total === 0) blocks.push({ kind: 'para', text: VI.digest.fresh.none });
    else {
      const items = fresh.items.map((x) => {
        const urgency = x.urgency === Urgency.Normal ? '' : ` [${VI.urgency[x.urgency]}]`;
        const ref = VI.documentShort(x.documentType, x.numberSymbol, calendarDate(x.issuedDate).short) + urgency;
        return VI.digest.fresh.line(capitalise(ref), oneLine(x.subject), x.issuer, x.recipients);
      });
      const more = fresh.total > items.length ? VI.digest.more(fresh.total - items.length) : undefined;
      blocks.push({ kind: 'list', items, more });
    }

    blocks.push({ kind: 'section', title: VI.digest.late.title(late.total, late.branchCount) });
    if (late.total === 0) blocks.push({ kind: 'para', text: VI.digest.late.none });
    for (const branch of late.branches) {
      const more = branch.total > branch.units.length ? VI.digest.late.moreUnits(branch.total - branch.units.length) : undefined;
      blocks.push(
        { kind: 'para', text: VI.digest.late.branch(branch.name, branch.total), strong: true },
        { kind: 'list', items: branch.units.map(lateLine), more },
      );
    }
    if (late.branchCount > late.branches.length) {
      blocks.push({ kind: 'para', text: VI.digest.late.moreBranches(late.branchCount - late.branches.length) });
    }

    blocks.push(
      { kind: 'section', title: VI.digest.changes.title },
      { kind: 'para', text: VI.digest.changes.totals(changes.acknowledged, changes.completed, changes.newlyLate) },
    );
    if (changes.byDispatch.length > 0) {
      blocks.push(
        { kind: 'para', text: `${VI.digest.changes.byDispatch}:` },
        {
          kind: 'list',
          items: changes.byDispatch.map((x) => VI.digest.changes.dispatchLine(doc(x), x.acknowledged, x.completed, x.newlyLate)),
        },
      );
    }
    if (changes.newlyLateUnits.length > 0) {
      const shown = changes.newlyLateUnits.length;
      const more = changes.newlyLate > shown ? VI.digest.late.moreUnits(changes.newlyLate - shown) : undefined;
      blocks.push(
        { kind: 'para', text: `${VI.digest.changes.newlyLate}:` },
        { kind: 'list', items: changes.newlyLateUnits.map(lateLine), more },
      );
    }
    blocks.push(
      { kind: 'link', label: VI.digest.link, href: `${this.config.PUBLIC_BASE_URL.replace(/\/+$/, '')}/` },
      { kind: 'note', text: VI.footer },
    );
    return blocks;
  }
}

const doc = (x: { documentType: string | null; numberSymbol: string | null }) => VI.digest.doc(x.documentType ?? '', x.numberSymbol ?? '');
const capitalise = (s: string) => s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);

function blockText(b: Block): string {
  switch (b.kind) {
    case 'section':
      return `\n${b.title}`;
    case 'para':
    case 'note':
      return b.text;
    case 'link':
      return `\n${b.label}: ${b.href}\n`;
    case 'list':
      return [...b.items.map((item, i) => `  ${i + 1}. ${item}`), ...(b.more ? [`     ${b.more}`] : [])].join('\n');
  }
}

function blockHtml(b: Block): string {
  switch (b.kind) {
    case 'section':
      return `<h3>${escapeHtml(b.title)}</h3>`;
    case 'para':
      return b.strong ? `<p><strong>${escapeHtml(b.text)}</strong></p>` : `<p>${escapeHtml(b.text)}</p>`;
    case 'note':
      return `<p style="color: #555; font-size: 13px;">${escapeHtml(b.text)}</p>`;
    case 'link':
      return `<p><a href="${escapeHtml(b.href)}">${escapeHtml(b.label)}</a></p>`;
    case 'list':
      return `<ol>${b.items.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ol>` + (b.more ? `<p>${escapeHtml(b.more)}</p>` : '');
  }
}
