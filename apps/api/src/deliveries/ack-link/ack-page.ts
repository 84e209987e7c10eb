import { DeliveryAction, DELIVERY_TRANSITIONS } from '@app/rollout';
import { deliveryStatusText, VI_LABELS } from '@app/vocabulary';
import type { AckLinkView } from './ack-link.service.js';

const esc = (s: unknown) =>
  String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const when = (d: Date | string | null) =>
  d ? new Date(d).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', dateStyle: 'short', timeStyle: 'short' }) : null;

/** The page a recipient unit sees when it opens the link in its e-mail. */
export function renderAckPage(view: AckLinkView, token: string, notice?: string): string {
  const d = view.dispatch;
  const [y, m, day] = d.issuedDate.split('-');
  const deadlines = [
    ['Hạn xác nhận', when(view.delivery.ackDueAt)],
    ['Hạn triển khai xuống cấp dưới', when(view.delivery.forwardDueAt)],
    ['Hạn báo cáo kết quả', when(view.delivery.reportDueAt)],
  ].filter(([, v]) => v);
  // The transition table says whether acknowledging would move this delivery.
  const canConfirm = DELIVERY_TRANSITIONS[DeliveryAction.Acknowledge].moves.includes(view.delivery.status);
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(d.documentType)} số ${esc(d.number)}/${esc(d.symbol)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1a1a1a}
header{display:flex;justify-content:space-between;text-align:center;font-size:.95rem}h1{font-size:1.15rem}
.meta{background:#f4f6f8;padding:.75rem 1rem;border-radius:6px}.body{white-space:pre-wrap}button{font-size:1rem;padding:.6rem 1.2rem;background:#b71c1c;color:#fff;border:0;border-radius:4px;cursor:pointer}</style></head>
<body>
<header><div>${esc(d.headerAuthority)}<br><strong>${esc(d.headerIssuer)}</strong><br>Số: ${esc(d.number)}/${esc(d.symbol)}</div>
<div><strong>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</strong><br>Độc lập – Tự do – Hạnh phúc<br><em>${esc(d.issuedPlace)}, ngày ${esc(day)} tháng ${esc(m)} năm ${esc(y)}</em></div></header>
${notice ? `<p role="status" style="background:#e8f5e9;padding:.75rem 1rem;border-radius:6px">${esc(notice)}</p>` : ''}
<p class="meta"><a href="/lien-ket/${esc(token)}"><strong>Mở trang xử lý công văn</strong></a>: xác nhận, báo cáo kết quả kèm ảnh, chuyển tiếp cho Công an xã (không cần tài khoản).</p>
<h1>${esc(d.subject)}</h1>
<div class="meta">
<p>Đơn vị nhận: <strong>${esc(view.unit.name)}</strong> — ${esc(VI_LABELS.purpose[view.delivery.purpose] ?? view.delivery.purpose)}</p>
<p>Trạng thái: <strong id="status">${esc(deliveryStatusText(view.delivery.status))}</strong></p>
${deadlines.map(([k, v]) => `<p>${esc(k)}: <strong>${esc(v)}</strong></p>`).join('\n')}
${view.delivery.instruction ? `<p>Chỉ đạo của đơn vị chuyển tiếp: ${esc(view.delivery.instruction)}</p>` : ''}
</div>
${(d.addresseeLines as string[]).length ? `<p>Kính gửi:<br>${(d.addresseeLines as string[]).map((l) => `- ${esc(l)}`).join('<br>')}</p>` : ''}
<div class="body">${esc(d.body)}</div>
${view.tasks.length ? `<h2>Các nội dung đề nghị</h2><ol>${view.tasks.map((t) => `<li value="${t.number}">${esc(t.text)}</li>`).join('')}</ol>` : ''}
${view.attachments.length ? `<h2>Tệp đính kèm</h2><ul>${view.attachments.map((a) => `<li><a href="${esc(token)}/attachments/${esc(a.id)}">${esc(a.fileName)}</a> (${Math.ceil(a.sizeBytes / 1024)} KB, SHA-256 ${esc(a.sha256.slice(0, 12))}…)</li>`).join('')}</ul>` : ''}
<p><strong>${esc(d.signerRank)} ${esc(d.signerName)}</strong></p>
${
  canConfirm
    ? `<form method="post" action="${esc(token)}/acknowledge"><label>Họ tên người xác nhận <input name="name" required minlength="2" maxlength="200"></label> <button type="submit">Xác nhận đã nhận công văn</button></form>
<details><summary>Gửi nhầm đơn vị? Từ chối tiếp nhận</summary><form method="post" action="${esc(token)}/refuse"><p><label>Họ tên <input name="name" required minlength="2" maxlength="200"></label></p><p><label>Lý do <textarea name="reason" required minlength="5" maxlength="2000"></textarea></label></p><button type="submit">Từ chối tiếp nhận</button></form></details>`
    : ''
}
</body></html>`;
}
