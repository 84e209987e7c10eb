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
    [MessageKind.Digest]: '[Tổng hợp hằng ngày] ',
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
    // The digest is a mail of its own (DigestMail); this line only completes the table.
    [MessageKind.Digest]: (issuer: string) => `${issuer} gửi tin tổng hợp tình hình triển khai công văn.`,
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

  /** The leader's daily digest (DigestMail). */
  digest: {
    subject: (date: string, fresh: number, late: number, acknowledged: number) =>
      `Ngày ${date}: ${fresh} công văn mới, ${late} đơn vị chậm hạn, ${acknowledged} đơn vị đã xác nhận`,
    greeting: (name: string, unit: string) => `Kính gửi: đồng chí ${name}, ${unit}`,
    intro: (unit: string, from: string, to: string) =>
      `Tình hình triển khai công văn trong phạm vi ${unit} (các đơn vị trực thuộc và công văn do đơn vị ban hành), từ ${from} đến ${to}.`,
    fresh: {
      title: (n: number) => `I. Công văn mới ban hành (${n})`,
      none: 'Không có công văn mới.',
      line: (doc: string, subject: string, issuer: string, recipients: number) =>
        `${doc} của ${issuer} — ${subject}; gửi ${recipients} đơn vị`,
    },
    late: {
      title: (n: number, branches: number) =>
        n === 0
          ? 'II. Đơn vị chậm hạn theo đơn vị chỉ đạo'
          : `II. Đơn vị chậm hạn theo đơn vị chỉ đạo (${n} đơn vị, ${branches} đơn vị chỉ đạo)`,
      none: 'Không có đơn vị nào chậm hạn.',
      branch: (name: string, n: number) => `${name}: ${n} đơn vị chậm hạn`,
      unit: (name: string, steps: string, doc: string, due: string) => `${name}: chưa ${steps} ${doc} (hạn ${due})`,
      unitMany: (name: string, steps: string, count: number, due: string) =>
        `${name}: chưa ${steps} ${count} văn bản (hạn sớm nhất ${due})`,
      moreUnits: (n: number) => `… và ${n} đơn vị khác`,
      moreBranches: (n: number) => `… và ${n} đơn vị chỉ đạo khác`,
    },
    changes: {
      title: 'III. Thay đổi so với lần tổng hợp trước',
      totals: (acknowledged: number, completed: number, newlyLate: number) =>
        `Đã xác nhận: ${acknowledged} đơn vị; đã hoàn thành: ${completed} đơn vị; mới chậm hạn: ${newlyLate} đơn vị.`,
      byDispatch: 'Theo công văn',
      dispatchLine: (doc: string, acknowledged: number, completed: number, newlyLate: number) =>
        `${doc}: ${acknowledged} xác nhận, ${completed} hoàn thành, ${newlyLate} mới chậm hạn`,
      newlyLate: 'Đơn vị mới chậm hạn',
      none: 'Không có thay đổi.',
    },
    /** "công văn số 12/CAT-PA05" */
    doc: (type: string, numberSymbol: string) => `${type.toLocaleLowerCase('vi')} số ${numberSymbol}`,
    stepsJoin: ', chưa ',
    more: (n: number) => `(và ${n} công văn khác)`,
    link: 'Xem chi tiết trên hệ thống',
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
