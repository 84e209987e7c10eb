import {
  AckMethod,
  ActivityChannel,
  DeliveryAction,
  ActivityFlag,
  DeliveryStatus,
  DispatchStatus,
  ExportFormat,
  ExportStatus,
  LinkSignupSetting,
  MessageKind,
  MessageStatus,
  RecipientGroup,
  RecipientPurpose,
  type ReportLevel,
  Role,
  UnitLevel,
  UnitType,
  Urgency,
} from './values.js';

/**
 * edXML status codes of QCVN 102 (trạng thái văn bản điện tử). Pending and sent have none: they are
 * facts of our own outbox, not of the recipient.
 */
export const EDXML_CODE: Partial<Record<DeliveryStatus, string>> = {
  [DeliveryStatus.Arrived]: '01',
  [DeliveryStatus.Refused]: '02',
  [DeliveryStatus.Accepted]: '03',
  [DeliveryStatus.Assigned]: '04',
  [DeliveryStatus.InProgress]: '05',
  [DeliveryStatus.Completed]: '06',
};

/**
 * The one Vietnamese word for each value, used by the api, the mail, the link page, the exports
 * and the web. Sent (the mail server took the e-mail), arrived (someone opened it) and accepted
 * (the unit confirmed receipt) are three different facts, and their labels say so.
 */
export const VI_LABELS = {
  deliveryStatus: {
    [DeliveryStatus.Pending]: 'Chưa gửi',
    [DeliveryStatus.Sent]: 'Đã gửi, chưa mở',
    [DeliveryStatus.Arrived]: 'Đã mở, chưa xác nhận',
    [DeliveryStatus.Refused]: 'Từ chối tiếp nhận',
    [DeliveryStatus.Accepted]: 'Đã xác nhận tiếp nhận',
    [DeliveryStatus.Assigned]: 'Đã chuyển tiếp cấp dưới',
    [DeliveryStatus.InProgress]: 'Đang triển khai',
    [DeliveryStatus.Completed]: 'Hoàn thành',
    [DeliveryStatus.Recalled]: 'Đã thu hồi',
  } satisfies Record<DeliveryStatus, string>,

  /** "Cho phép đơn vị tự tạo tài khoản qua liên kết": the unit page's choices. */
  linkSignupSetting: {
    [LinkSignupSetting.Inherit]: 'Theo đơn vị cấp trên',
    [LinkSignupSetting.Allow]: 'Cho phép',
    [LinkSignupSetting.Deny]: 'Không cho phép',
  } satisfies Record<LinkSignupSetting, string>,

  /** What each lifecycle action is called (buttons, audit trail). */
  deliveryAction: {
    [DeliveryAction.Send]: 'Gửi e-mail',
    [DeliveryAction.MarkArrived]: 'Mở công văn',
    [DeliveryAction.Acknowledge]: 'Xác nhận đã nhận',
    [DeliveryAction.Refuse]: 'Từ chối tiếp nhận',
    [DeliveryAction.Forward]: 'Chuyển tiếp xuống cấp dưới',
    [DeliveryAction.ReportActivity]: 'Báo cáo hoạt động',
    [DeliveryAction.Complete]: 'Báo hoàn thành',
    [DeliveryAction.Readdress]: 'Chuyển lại nơi nhận',
    [DeliveryAction.Recall]: 'Thu hồi',
    [DeliveryAction.Reacknowledge]: 'Xác nhận lại (văn bản thay thế)',
  } satisfies Record<DeliveryAction, string>,

  dispatchStatus: {
    [DispatchStatus.Draft]: 'Bản nháp',
    [DispatchStatus.Published]: 'Đang ban hành',
    [DispatchStatus.Recalled]: 'Đã thu hồi',
    [DispatchStatus.Closed]: 'Đã kết thúc theo dõi',
  } satisfies Record<DispatchStatus, string>,

  purpose: {
    [RecipientPurpose.Action]: 'Để thực hiện',
    [RecipientPurpose.Coordinate]: 'Để phối hợp thực hiện',
    [RecipientPurpose.Report]: 'Để báo cáo',
    [RecipientPurpose.Info]: 'Để biết',
    [RecipientPurpose.Archive]: 'Lưu',
  } satisfies Record<RecipientPurpose, string>,

  recipientGroup: {
    [RecipientGroup.AllDepartments]: 'Tất cả sở, ban, ngành',
    [RecipientGroup.AllDistrictCommittees]: 'Tất cả UBND cấp huyện',
    [RecipientGroup.AllCommuneCommittees]: 'Tất cả UBND cấp xã',
    [RecipientGroup.AllDistrictPolice]: 'Tất cả Công an cấp huyện',
    [RecipientGroup.AllCommunePolice]: 'Tất cả Công an cấp xã',
  } satisfies Record<RecipientGroup, string>,

  urgency: {
    [Urgency.Normal]: 'Thường',
    [Urgency.Urgent]: 'Khẩn',
    [Urgency.VeryUrgent]: 'Thượng khẩn',
    [Urgency.Flash]: 'Hỏa tốc',
  } satisfies Record<Urgency, string>,

  unitType: {
    [UnitType.Area]: 'Đơn vị hành chính',
    [UnitType.PeoplesCommittee]: 'Ủy ban nhân dân',
    [UnitType.Police]: 'Công an',
    [UnitType.Department]: 'Sở, ban, ngành',
    [UnitType.MassOrganisation]: 'Tổ chức chính trị - xã hội',
    [UnitType.Other]: 'Khác',
  } satisfies Record<UnitType, string>,

  unitLevel: {
    [UnitLevel.Province]: 'Cấp tỉnh',
    [UnitLevel.District]: 'Cấp huyện',
    [UnitLevel.Commune]: 'Cấp xã',
  } satisfies Record<UnitLevel, string>,

  reportLevel: {
    province: 'Cấp tỉnh',
    district: 'Cấp huyện',
    commune: 'Cấp xã',
    commune_police: 'Công an xã',
  } satisfies Record<ReportLevel, string>,

  role: {
    [Role.Admin]: 'Quản trị hệ thống',
    [Role.Issuer]: 'Cán bộ ban hành',
    [Role.Leader]: 'Lãnh đạo',
    [Role.Officer]: 'Cán bộ',
  } satisfies Record<Role, string>,

  channel: {
    [ActivityChannel.StaffBriefing]: 'Quán triệt cán bộ',
    [ActivityChannel.ResidentMeeting]: 'Họp dân',
    [ActivityChannel.EPortalPost]: 'Cổng thông tin điện tử',
    [ActivityChannel.FacebookPost]: 'Facebook',
    [ActivityChannel.ZaloPost]: 'Zalo',
    [ActivityChannel.MassMedia]: 'Phương tiện thông tin đại chúng',
    [ActivityChannel.Loudspeaker]: 'Loa truyền thanh',
    [ActivityChannel.BulletinBoard]: 'Bảng tin',
    [ActivityChannel.Leaflet]: 'Tờ rơi',
    [ActivityChannel.Other]: 'Khác',
  } satisfies Record<ActivityChannel, string>,

  activityFlag: {
    [ActivityFlag.BeforeAcknowledgement]: 'Báo cáo trước khi xác nhận',
    [ActivityFlag.FutureDate]: 'Ngày trong tương lai',
    [ActivityFlag.BeforeDispatch]: 'Trước ngày ban hành công văn',
    [ActivityFlag.DuplicateEvidence]: 'Minh chứng trùng với đơn vị khác',
    [ActivityFlag.LinkChannelMismatch]: 'Liên kết không đúng kênh',
  } satisfies Record<ActivityFlag, string>,

  ackMethod: {
    [AckMethod.Web]: 'Trên hệ thống',
    [AckMethod.EmailLink]: 'Qua liên kết e-mail',
    [AckMethod.Proxy]: 'Nhập hộ',
  } satisfies Record<AckMethod, string>,

  messageStatus: {
    [MessageStatus.Pending]: 'Chờ gửi',
    [MessageStatus.Sent]: 'Máy chủ thư đã nhận',
    [MessageStatus.Failed]: 'Gửi không được',
    [MessageStatus.Cancelled]: 'Đã hủy, không gửi',
  } satisfies Record<MessageStatus, string>,

  messageKind: {
    [MessageKind.Notice]: 'Thông báo công văn',
    [MessageKind.Reminder]: 'Nhắc việc',
    [MessageKind.Escalation]: 'Đôn đốc',
    [MessageKind.Recall]: 'Thông báo thu hồi',
    [MessageKind.NewVersion]: 'Văn bản thay thế, đính chính',
    [MessageKind.Digest]: 'Tổng hợp hằng ngày',
  } satisfies Record<MessageKind, string>,

  exportFormat: {
    [ExportFormat.Xlsx]: 'Excel (XLSX)',
    [ExportFormat.Csv]: 'CSV',
    [ExportFormat.Pdf]: 'PDF',
  } satisfies Record<ExportFormat, string>,

  exportStatus: {
    [ExportStatus.Queued]: 'Đang chờ',
    [ExportStatus.Running]: 'Đang tạo',
    [ExportStatus.Done]: 'Đã xong',
    [ExportStatus.Failed]: 'Bị lỗi',
  } satisfies Record<ExportStatus, string>,

  /** The three deadlines of a delivery, named the same in every column, mail and page. */
  deadline: {
    ack: 'Hạn xác nhận',
    forward: 'Hạn chuyển tiếp',
    report: 'Hạn báo cáo',
  },
  /** Which deadline was missed: each one in its own column, never folded into the acknowledgement's. */
  overdue: {
    ack: 'Quá hạn xác nhận',
    forward: 'Quá hạn chuyển tiếp',
    report: 'Quá hạn báo cáo',
  },
  onTime: 'Đúng hạn',
  late: 'Trễ hạn',
  /**
   * The report's columns. "Đã gửi" counts deliveries whose e-mail the mail server took (status past
   * pending): it is not "đã đến" (01, someone opened it) nor "đã xác nhận" (03, the unit confirmed).
   */
  reportFigure: {
    total: 'Tổng',
    sent: 'Đã gửi',
    acknowledged: 'Đã xác nhận tiếp nhận',
    onTime: 'Đúng hạn',
    late: 'Trễ hạn',
    refused: 'Từ chối tiếp nhận',
  },

  /** A new version of a published dispatch (dispatch_versions.kind). */
  versionKind: {
    replacement: 'Văn bản thay thế',
    correction: 'Đính chính',
  },
  /** The unit a reminder rule counts in. */
  cadenceUnit: {
    hours: 'giờ',
    working_days: 'ngày làm việc',
  },
  /** The step a reminder chases. */
  reminderStep: {
    ack: 'Xác nhận',
    forward: 'Chuyển tiếp',
    report: 'Báo cáo',
  },
};

/** "01 — Đã mở, chưa xác nhận"; a status without an edXML code is its label alone. */
export function deliveryStatusText(status: DeliveryStatus): string {
  const code = EDXML_CODE[status];
  const label = VI_LABELS.deliveryStatus[status];
  return code ? `${code} — ${label}` : label;
}
