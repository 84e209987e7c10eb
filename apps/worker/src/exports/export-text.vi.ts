import { VI_LABELS } from '@app/vocabulary';

/**
 * Every Vietnamese word the exports print (sheet names, headers, labels, the PDF report's text),
 * in one place so it can be reviewed and corrected without reading the writers.
 */
export const EXPORT_VI = {
  // The words every product surface shares: one catalogue (@app/vocabulary).
  level: VI_LABELS.reportLevel,
  status: VI_LABELS.deliveryStatus,
  purpose: VI_LABELS.purpose,
  ackMethod: VI_LABELS.ackMethod,
  channel: VI_LABELS.channel,
  activityFlag: VI_LABELS.activityFlag,

  /** Put before the technical cause in report_exports.error. */
  failed: 'Không tạo được tệp báo cáo',
  yes: 'Có',
  onTime: 'Đúng hạn',
  late: 'Trễ hạn',
  task: (n: number) => `Nhiệm vụ ${n}`,

  deliveryColumns: {
    index: 'STT',
    unitCode: 'Mã đơn vị',
    unitName: 'Tên đơn vị',
    level: 'Cấp',
    purpose: 'Mục đích gửi',
    status: 'Trạng thái',
    edxmlCode: 'Mã trạng thái (edXML)',
    sentAt: 'Thời điểm gửi',
    ackDueAt: VI_LABELS.deadline.ack,
    acknowledgedAt: 'Thời điểm xác nhận',
    ackMethod: 'Cách xác nhận',
    ackBy: 'Người xác nhận',
    timeliness: 'Xác nhận đúng hạn',
    overdueAck: VI_LABELS.overdue.ack,
    forwardDueAt: VI_LABELS.deadline.forward,
    forwardedAt: 'Thời điểm chuyển tiếp',
    overdueForward: VI_LABELS.overdue.forward,
    overdueReport: VI_LABELS.overdue.report,
    refusalReason: 'Lý do từ chối',
    activities: 'Số hoạt động',
  },

  activityColumns: {
    index: 'STT',
    unitCode: 'Mã đơn vị',
    unitName: 'Tên đơn vị',
    level: 'Cấp',
    channel: 'Kênh tuyên truyền',
    occurredOn: 'Ngày thực hiện',
    place: 'Địa điểm',
    reach: 'Số người được tiếp cận',
    quantity: 'Số lượng',
    task: 'Nhiệm vụ',
    links: 'Liên kết',
    description: 'Nội dung',
    flags: 'Cảnh báo',
  },

  sheet: {
    summary: 'Tổng hợp',
    activities: 'Hoạt động',
  },

  summary: {
    heading: (documentType: string, numberSymbol: string, issuedDate: string) =>
      `BÁO CÁO KẾT QUẢ TRIỂN KHAI ${documentType.toLocaleUpperCase('vi')} SỐ ${numberSymbol} NGÀY ${issuedDate}`,
    asOf: 'Số liệu tính đến',
    scope: 'Phạm vi',
    scopeAll: 'Toàn bộ đơn vị nhận',
    scopeBranch: 'Đơn vị của người xuất báo cáo và cấp dưới',
    overview: 'Tổng quan',
    total: 'Tổng số đơn vị nhận',
    acknowledged: 'Đã xác nhận',
    onTime: 'Xác nhận đúng hạn',
    late: 'Trễ hạn',
    refused: 'Từ chối tiếp nhận',
    blocking: 'Đơn vị chậm, đang chặn cấp dưới',
    medianHours: 'Thời gian xác nhận trung vị (giờ)',
    p90Hours: 'Thời gian xác nhận, 90% đơn vị (giờ)',
    actingUnits: 'Đơn vị phải thực hiện',
    unitsWithActivity: 'Đơn vị có hoạt động',
    coverage: 'Tỷ lệ đơn vị có hoạt động',
    activities: 'Số hoạt động',
    totalReach: 'Tổng số người được tiếp cận',
    totalQuantity: 'Tổng số lượng (tin, bài, buổi, tờ...)',
    byLevel: 'Theo cấp',
    levelHeaders: [
      'Cấp',
      'Tổng số',
      'Đã gửi',
      'Tỷ lệ đã gửi',
      'Đã xác nhận',
      'Tỷ lệ xác nhận',
      'Đúng hạn',
      'Tỷ lệ đúng hạn',
      'Trễ hạn',
      'Tỷ lệ trễ hạn',
      'Từ chối',
      'Tỷ lệ từ chối',
    ],
    byStatus: 'Theo trạng thái',
    statusHeader: 'Trạng thái',
    byPurpose: 'Theo mục đích gửi',
    purposeHeader: 'Mục đích gửi',
    countHeader: 'Số đơn vị',
    byChannel: 'Theo kênh tuyên truyền',
    byTask: 'Theo nhiệm vụ',
    coverageHeaders: ['Số đơn vị', 'Tỷ lệ đơn vị', 'Số hoạt động', 'Số người được tiếp cận', 'Số lượng'],
    channelHeader: 'Kênh',
    taskHeader: 'Nhiệm vụ',
  },

  pdf: {
    motto: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    mottoLine: 'Độc lập – Tự do – Hạnh phúc',
    number: (symbol: string) => `Số: ……/${symbol}`,
    placeAndDate: (place: string, day: number, month: number, year: number) => `${place}, ngày ${day} tháng ${month} năm ${year}`,
    title: 'BÁO CÁO',
    reference: (documentType: string, numberSymbol: string, issuedDate: string) => `${documentType} số ${numberSymbol} ngày ${issuedDate}`,
    about: (reference: string) => `Kết quả triển khai ${reference}`,
    topic: (topic: string) => `về việc ${topic}`,
    intro: (reference: string, topic: string) =>
      `Thực hiện ${reference} về việc ${topic}, trên cơ sở số liệu theo dõi trên hệ thống, kết quả triển khai như sau:`,
    section1: 'I. KẾT QUẢ CHUNG',
    section2: 'II. KẾT QUẢ THEO ĐƠN VỊ CẤP HUYỆN',
    section3: 'III. CÁC ĐƠN VỊ CHẬM THỰC HIỆN',
    asOf: (time: string, date: string) => `Tính đến ${time} ngày ${date}`,
    reached: (total: number, ack: number, ackShare: string, onTime: number, late: number, refused: number) =>
      `công văn đã được gửi đến ${total} đơn vị; ${ack} đơn vị đã xác nhận tiếp nhận (${ackShare}), trong đó ${onTime} đơn vị đúng hạn; ${late} đơn vị trễ hạn; ${refused} đơn vị từ chối tiếp nhận.`,
    ackTime: (median: string, p90: string) => `Thời gian xác nhận trung vị là ${median} giờ; 90% đơn vị xác nhận trong vòng ${p90} giờ.`,
    noAckTime: 'Chưa có đơn vị nào xác nhận tiếp nhận.',
    activity: (withActivity: number, acting: number, coverage: string, activities: number, reach: string, quantity: string) =>
      `Có ${withActivity}/${acting} đơn vị phải thực hiện đã báo cáo hoạt động tuyên truyền (${coverage}), với ${activities} hoạt động, tiếp cận ${reach} lượt người, số lượng ${quantity} (tin, bài, buổi, tờ...).`,
    levelLine: (level: string, total: number, ack: number, ackShare: string, onTime: number, late: number, refused: number) =>
      `- ${level}: ${total} đơn vị nhận, ${ack} đã xác nhận (${ackShare}), ${onTime} đúng hạn, ${late} trễ hạn, ${refused} từ chối.`,
    districtHeaders: ['STT', 'Đơn vị', 'Trạng thái', 'Xác nhận', 'Cấp dưới nhận', 'Đã xác nhận', 'Từ chối', 'Quá hạn', 'Có hoạt động'],
    noDistricts: 'Không có đơn vị cấp huyện trong phạm vi báo cáo.',
    blockingIntro: (n: number) => `Có ${n} đơn vị quá hạn chưa xác nhận hoặc chưa chuyển tiếp xuống cấp dưới:`,
    blockingHeaders: ['STT', 'Đơn vị', 'Cấp', 'Nội dung chậm', 'Hạn', 'Đơn vị cấp dưới đang chờ'],
    blockingMore: (shown: number, total: number) =>
      `(Danh sách trên gồm ${shown}/${total} đơn vị chờ nhiều nhất; danh sách đầy đủ trong bản xuất XLSX.)`,
    noBlocking: 'Không có đơn vị nào chậm thực hiện.',
    lateness: (ack: boolean, forward: boolean) =>
      ack && forward ? 'Chưa xác nhận, chưa chuyển tiếp' : ack ? 'Chưa xác nhận' : 'Chưa chuyển tiếp',
    recipientsTitle: 'Nơi nhận:',
    recipients: (archive: string) => ['- Lãnh đạo đơn vị (để báo cáo);', `- Lưu: VT, ${archive}.`],
    pageNumber: (n: number) => String(n),
  },
};

/** Numbers, shares and hours are written and rounded one way everywhere (@app/vocabulary). */
export { viHours, viNumber, viPercent } from '@app/vocabulary';
