import { vnDateText } from '@app/common';
import type { Dispatch } from '@app/database';
import type { LateUnit } from '@app/reports';

const dmy = vnDateText;

/** The Vietnamese wording of a reminder dispatch (công văn đôn đốc), kept in one place for review. */
export function chaseLetterText(original: Dispatch, late: LateUnit[], today: string) {
  const ref = `Công văn số ${original.number}/${original.symbol} ngày ${dmy(original.issuedDate)}`;
  const topic = original.subject.replace(/^V\/v\s*/i, '');
  const lines = late.map((l) => {
    const what = [l.overdueAck ? 'chưa xác nhận tiếp nhận' : null, l.overdueForward ? 'chưa triển khai xuống cấp dưới' : null]
      .filter(Boolean)
      .join(', ');
    return `- ${l.unitName}: ${what}.`;
  });
  return {
    subject: `V/v đôn đốc triển khai ${ref}`,
    addressees:
      late.length <= 10 ? late.map((l) => `${l.unitName};`) : [`Các đơn vị có tên tại danh sách kèm theo (${late.length} đơn vị).`],
    body: [
      `Ngày ${dmy(original.issuedDate)}, ${titleCase(original.headerIssuer)} ban hành ${ref} về việc ${topic}.`,
      `Đến ngày ${dmy(today)}, qua theo dõi trên hệ thống, còn ${late.length} đơn vị chưa thực hiện đúng thời hạn yêu cầu, cụ thể:`,
      ...lines,
      `Để bảo đảm tiến độ, ${titleCase(original.headerIssuer)} đề nghị các đơn vị nêu trên khẩn trương xác nhận tiếp nhận, triển khai ${ref} đến các đơn vị trực thuộc và báo cáo kết quả thực hiện về ${titleCase(original.headerIssuer)} theo quy định.`,
    ].join('\n\n'),
    task: `Khẩn trương xác nhận tiếp nhận và triển khai ${ref} đến các đơn vị trực thuộc; báo cáo kết quả thực hiện.`,
  };
}

/** "CÔNG AN TỈNH NAM ĐỊNH" -> "Công an tỉnh Nam Định" (the header is printed in capitals). */
function titleCase(header: string): string {
  const lower = header.toLocaleLowerCase('vi');
  const words = lower.split(' ');
  // The place name after the administrative word keeps its capitals.
  const placeAt = words.findIndex((w) => ['tỉnh', 'huyện', 'thành', 'xã', 'phường', 'quận'].includes(w));
  return words
    .map((w, i) =>
      i === 0 || (placeAt >= 0 && i > placeAt && !(words[placeAt] === 'thành' && i === placeAt + 1))
        ? w.charAt(0).toLocaleUpperCase('vi') + w.slice(1)
        : w,
    )
    .join(' ');
}
