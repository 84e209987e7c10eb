/**
 * Every error the api answers, by code: its HTTP status and the Vietnamese message a person reads.
 * A client switches on `code` (in the error body); the web shows `message`. Codes are part of the
 * API contract: renaming one breaks clients.
 */
export interface ErrorEntry<P = never> {
  status: 400 | 401 | 403 | 404 | 409 | 410 | 413 | 415 | 503;
  message: [P] extends [never] ? string : (params: P) => string;
}

const entry = <P = never>(status: ErrorEntry['status'], message: ErrorEntry<P>['message']): ErrorEntry<P> => ({ status, message });

export const ERRORS = {
  // Generic kinds, for errors without a feature code yet and for Nest's own HTTP errors.
  NOT_FOUND: entry(404, 'Không tìm thấy dữ liệu yêu cầu.'),
  OUT_OF_SCOPE: entry(403, 'Đơn vị này nằm ngoài phạm vi quản lý của bạn.'),
  FORBIDDEN: entry(403, 'Bạn không có quyền thực hiện thao tác này.'),
  CONFLICT: entry(409, 'Dữ liệu đã thay đổi, thao tác không thực hiện được. Vui lòng tải lại rồi thử lại.'),
  INVALID: entry(400, 'Dữ liệu gửi lên không hợp lệ.'),
  UNAUTHENTICATED: entry(401, 'Bạn chưa đăng nhập hoặc phiên đăng nhập đã hết hạn.'),
  GONE: entry(410, 'Liên kết này không còn hiệu lực.'),
  PAYLOAD_TOO_LARGE: entry(413, 'Tệp gửi lên quá lớn so với giới hạn cho phép (MAX_UPLOAD_MB).'),
  UNSUPPORTED_MEDIA_TYPE: entry(415, 'Loại tệp này không được chấp nhận.'),
  SERVICE_UNAVAILABLE: entry(503, 'Hệ thống tạm thời không phục vụ được yêu cầu này. Vui lòng thử lại sau ít phút.'),

  // The dispatch a delivery belongs to is not in force.
  DISPATCH_NOT_PUBLISHED: entry(409, 'Công văn này chưa được ban hành.'),
  DISPATCH_CLOSED: entry(
    409,
    'Công văn này đã kết thúc theo dõi nên không còn hiệu lực: không xác nhận, từ chối, chuyển tiếp hay báo cáo được nữa.',
  ),
  DISPATCH_RECALLED: entry(
    409,
    'Công văn này đã bị thu hồi nên không còn hiệu lực: không xác nhận, từ chối, chuyển tiếp hay báo cáo được nữa.',
  ),
  DISPATCH_ALREADY_PUBLISHED: entry(409, 'Công văn này đã được ban hành rồi.'),
  DISPATCH_NOT_DRAFT: entry(409, 'Công văn đã ban hành thì không sửa được. Hãy ban hành văn bản mới thay thế hoặc thu hồi văn bản này.'),
  DISPATCH_CLOSE_NOT_PUBLISHED: entry(409, 'Chỉ kết thúc được công văn đang ban hành.'),
  DISPATCH_RECALL_NOT_PUBLISHED: entry(
    409,
    'Chỉ thu hồi được công văn đang ban hành: bản nháp thì sửa hoặc bỏ; công văn đã kết thúc theo dõi thì không thu hồi được nữa.',
  ),
  DISPATCH_VERSION_NOT_PUBLISHED: entry(
    409,
    'Chỉ ban hành văn bản thay thế, đính chính cho công văn đang ban hành (chưa thu hồi, chưa kết thúc theo dõi).',
  ),
  REMINDER_RULE_NOT_IN_FORCE: entry(409, 'Công văn đã thu hồi hoặc đã kết thúc theo dõi: không còn nhắc việc để sửa.'),
  NEW_VERSION_EMPTY: entry(
    400,
    'Văn bản thay thế, đính chính cần ít nhất một thay đổi: tệp đính kèm mới (trường "files"), trích yếu (subject) hoặc nội dung (body).',
  ),
  NEW_VERSION_NEEDS_FILES: entry(
    400,
    'Văn bản thay thế cần tệp đính kèm mới (trường "files"); để sửa trích yếu hoặc nội dung, hãy chọn kind = correction (đính chính).',
  ),

  // The delivery lifecycle (libs/rollout): an action refused in the delivery's current status.
  DELIVERY_ALREADY_REFUSED: entry(409, 'Đơn vị đã từ chối tiếp nhận công văn này; đơn vị ban hành sẽ xử lý lại nơi nhận.'),
  DELIVERY_ALREADY_ACKNOWLEDGED: entry(
    409,
    'Đơn vị đã xác nhận tiếp nhận công văn này nên không thể từ chối nữa. Nếu nhận nhầm, hãy báo đơn vị ban hành.',
  ),
  FORWARD_BEFORE_ACKNOWLEDGEMENT: entry(409, 'Hãy xác nhận đã nhận công văn trước khi chuyển tiếp xuống cấp dưới.'),
  COMPLETE_BEFORE_ACKNOWLEDGEMENT: entry(409, 'Hãy xác nhận đã nhận công văn trước khi báo hoàn thành.'),
  REPORT_AFTER_REFUSAL: entry<{ unit: string }>(
    409,
    (p) => `${p.unit} đã từ chối tiếp nhận công văn này nên không báo cáo hoạt động được; nếu từ chối nhầm, hãy liên hệ đơn vị ban hành.`,
  ),
  DELIVERY_NOT_REFUSED: entry(409, 'Chỉ chuyển lại nơi nhận cho lượt gửi đã bị từ chối.'),
  REFUSAL_ALREADY_RESOLVED: entry(409, 'Lượt từ chối này đã được xử lý rồi.'),
  DELIVERY_RECALLED: entry(
    409,
    'Công văn này đã bị thu hồi: lượt nhận chỉ còn xem được, không xác nhận, chuyển tiếp hay báo cáo được nữa.',
  ),
  DELIVERY_NOT_FOUND: entry<{ id: string }>(404, (p) => `Không tìm thấy lượt nhận công văn ${p.id}.`),

  // Reports read a database of their own when REPORTS_DATABASE_URL is set (a replica); the rest of the product does not.
  REPORTS_DATABASE_UNAVAILABLE: entry(
    503,
    'Cơ sở dữ liệu báo cáo (bản sao chỉ đọc) tạm thời không truy cập được nên chưa xem hay xuất được báo cáo. Các việc khác (xác nhận, chuyển tiếp, báo cáo hoạt động) vẫn làm được bình thường. Vui lòng thử lại sau ít phút.',
  ),

  // A unit creating its first account from the signed link of its e-mail (users/link-signup).
  LINK_SIGNUP_NOT_ALLOWED: entry(
    403,
    'Đơn vị chưa được phép tự tạo tài khoản qua liên kết e-mail. Hãy đề nghị quản trị viên cấp tài khoản, hoặc tiếp tục xử lý công văn ngay trên trang này.',
  ),
  LINK_SIGNUP_UNIT_HAS_ACCOUNT: entry(
    409,
    'Đơn vị đã có tài khoản trên hệ thống nên không tạo thêm qua liên kết được. Hãy đăng nhập, hoặc đề nghị lãnh đạo đơn vị hay quản trị viên cấp thêm tài khoản.',
  ),
  LINK_SIGNUP_UNIT_INACTIVE: entry(409, 'Đơn vị đã ngừng hoạt động nên không tạo được tài khoản mới.'),
  ACCOUNT_EMAIL_TAKEN: entry<{ email: string }>(
    409,
    (p) => `E-mail ${p.email} đã được dùng cho một tài khoản khác. Hãy dùng e-mail khác, hoặc đăng nhập nếu đó là tài khoản của bạn.`,
  ),
} as const;

export type ErrorCode = keyof typeof ERRORS;

/** The parameters a code's message needs, or never when it needs none. */
export type ErrorParams<C extends ErrorCode> = (typeof ERRORS)[C] extends ErrorEntry<infer P> ? P : never;

/** The catalogued message of a code, with its parameters filled in. */
export function errorMessage<C extends ErrorCode>(code: C, ...params: [ErrorParams<C>] extends [never] ? [] : [ErrorParams<C>]): string {
  // The tuple type above ties the parameters to the code; here they are only passed through.
  const message = ERRORS[code].message as string | ((p: unknown) => string);
  return typeof message === 'function' ? message(params[0]) : message;
}
