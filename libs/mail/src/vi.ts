import { MessageKind } from '@app/database';
import { VI_LABELS } from '@app/vocabulary';

/**
 * Every Vietnamese string of the e-mails the worker sends, in one place so it can be reviewed
 * (and corrected) without reading the rendering code.
 */
export const VI = {
  urgency: VI_LABELS.urgency,
  purpose: VI_LABELS.purpose,

  /** Put before the subject; the notice itself needs none. */
  kindPrefix: {
    [MessageKind.Notice]: '',
    [MessageKind.Reminder]: '[Nhắc việc] ',
    [MessageKind.Escalation]: '[Đôn đốc] ',
    [MessageKind.Recall]: '[Thu hồi] ',
    [MessageKind.NewVersion]: '[Văn bản thay thế] ',
  } satisfies Record<MessageKind, string>,

  intro: {
    [MessageKind.Notice]: (issuer: string, doc: string) => `${issuer} gửi đơn vị ${doc}.`,
    [MessageKind.Reminder]: (issuer: string, doc: string) =>
      `${issuer} nhắc đơn vị về ${doc}: đơn vị chưa xác nhận hoặc chưa báo cáo kết quả thực hiện.`,
    [MessageKind.Escalation]: (issuer: string, doc: string) =>
      `${issuer} đề nghị đơn vị đôn đốc thực hiện ${doc}: đã quá thời hạn nhưng đơn vị chưa thực hiện.`,
    [MessageKind.Recall]: (issuer: string, doc: string) =>
      `${issuer} thông báo thu hồi ${doc}. Đơn vị không tiếp tục triển khai văn bản này.`,
    [MessageKind.NewVersion]: (issuer: string, doc: string) =>
      `${issuer} ban hành văn bản thay thế, đính chính ${doc}. Đề nghị đơn vị xem nội dung mới và xác nhận lại đã nhận.`,
  } satisfies Record<MessageKind, (issuer: string, doc: string) => string>,

  /** What a reminder asks for, by step: before the deadline, or once it has passed. */
  reminder: {
    step: {
      ack: 'xác nhận đã nhận',
      forward: 'chuyển tiếp đến các đơn vị cấp dưới',
      report: 'báo cáo kết quả thực hiện',
    },
    before: (issuer: string, doc: string, step: string, due: string) =>
      `${issuer} nhắc đơn vị: ${doc} sắp đến hạn ${step} (${due}) mà đơn vị chưa ${step}.`,
    overdue: (issuer: string, doc: string, step: string, due: string) =>
      `${issuer} nhắc đơn vị: đã quá hạn ${step} ${doc} (${due}) mà đơn vị chưa ${step}. Đề nghị đơn vị thực hiện ngay.`,
  },

  escalation: {
    subject: (count: number, step: string) => `${count} đơn vị chưa ${step}`,
    intro: (doc: string, step: string) =>
      `Các đơn vị dưới đây chưa ${step} ${doc} dù đã quá hạn. Đề nghị đơn vị đôn đốc các đơn vị này thực hiện.`,
    lateUnit: (name: string, due: string) => `${name} (hạn ${due})`,
    section: 'Đơn vị chậm',
  },

  recall: {
    reason: 'Lý do thu hồi',
    readOnly: 'Văn bản đã thu hồi chỉ còn để tra cứu: không xác nhận, chuyển tiếp hay báo cáo tiếp được nữa.',
  },

  newVersion: (version: number) => `Phiên bản ${version}`,

  /** "Công văn số 5207/CAT-PA05 ngày 19/10/2023 của Công an tỉnh Nam Định" */
  documentRef: (type: string, numberSymbol: string, date: string, issuer: string) =>
    `${type} số ${numberSymbol} ngày ${date} của ${issuer}`,
  documentShort: (type: string, numberSymbol: string, date: string) => `${type.toLocaleLowerCase('vi')} số ${numberSymbol} ngày ${date}`,
  subjectPrefix: 'V/v',
  subjectSeparator: ' — ',

  greeting: (unit: string) => `Kính gửi: ${unit}`,
  placeAndDate: (place: string, day: string, month: string, year: string) => `${place}, ngày ${day} tháng ${month} năm ${year}`,

  field: {
    urgency: 'Độ khẩn',
    numberSymbol: 'Số, ký hiệu',
    issued: 'Nơi, ngày ban hành',
    issuerHeader: 'Cơ quan ban hành',
    subject: 'Trích yếu',
    signer: 'Người ký',
    purpose: 'Mục đích gửi',
    forwardedBy: 'Chuyển tiếp từ',
    instruction: 'Ý kiến chỉ đạo khi chuyển tiếp',
  },

  section: {
    tasks: 'Nội dung đề nghị thực hiện',
    deadlines: 'Thời hạn',
    attachments: 'Tệp đính kèm',
    ack: 'Xác nhận đã nhận công văn',
  },

  deadline: {
    ack: 'Xác nhận đã nhận',
    forward: 'Chuyển tiếp đến đơn vị cấp dưới',
    report: 'Báo cáo kết quả thực hiện',
  },
  /** "trước 17:00 ngày 25/10/2023" */
  before: (time: string, date: string) => `trước ${time} ngày ${date}`,

  attachmentsIncluded: 'Các tệp trên được gửi kèm e-mail này.',
  attachmentsTooLarge: (total: string, limit: string) =>
    `Tổng dung lượng các tệp (${total}) vượt quá ${limit} nên không gửi kèm e-mail; mở liên kết xác nhận dưới đây để xem và tải tệp. Mã SHA-256 giúp kiểm tra tệp tải về đúng là tệp gốc.`,

  ackLinkLabel: 'Mở công văn và xác nhận đã nhận',
  ackExplain: (until: string) =>
    `Bấm vào liên kết để xem công văn và xác nhận đơn vị đã nhận, không cần đăng nhập; liên kết dùng riêng cho đơn vị, xin không chuyển cho người ngoài, có hiệu lực đến ${until}.`,

  footer: 'E-mail được gửi tự động từ Hệ thống theo dõi triển khai công văn. Vui lòng không trả lời e-mail này.',
};
