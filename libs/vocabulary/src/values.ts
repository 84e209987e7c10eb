/**
 * The closed sets of values the product stores and shows. Plain TypeScript with no imports, so the
 * api, the worker and the browser share them. Every value here is persisted somewhere: renaming
 * one breaks rows (and jobs, links and exports already written).
 */

/**
 * deliveries.status. After `sent`, the values follow the edXML status codes of QCVN 102 (see
 * EDXML_CODE). "Overdue" is derived from deadlines, never stored.
 */
export enum DeliveryStatus {
  Pending = 'pending',
  Sent = 'sent',
  Arrived = 'arrived',
  Refused = 'refused',
  Accepted = 'accepted',
  Assigned = 'assigned',
  InProgress = 'in_progress',
  Completed = 'completed',
  /** The issuer recalled the dispatch (thu hồi): the delivery is read-only from then on. No edXML code. */
  Recalled = 'recalled',
}

/** dispatches.status. */
export enum DispatchStatus {
  Draft = 'draft',
  Published = 'published',
  Recalled = 'recalled',
  Closed = 'closed',
}

/** dispatch_recipients.purpose and deliveries.purpose ("Kính gửi" / "Nơi nhận"). */
export enum RecipientPurpose {
  /** "để thực hiện" */
  Action = 'action',
  /** "để phối hợp thực hiện" */
  Coordinate = 'coordinate',
  /** "để báo cáo" */
  Report = 'report',
  /** "để biết" */
  Info = 'info',
  /** "lưu" */
  Archive = 'archive',
}

/** dispatch_recipients.group: recipients chosen as a group, resolved at publish. */
export enum RecipientGroup {
  /** Sở, ban, ngành under the people's committee of the province (or of `scopeUnitId`). */
  AllDepartments = 'all_departments',
  /** UBND of every district below `scopeUnitId` (default: the issuer's province). */
  AllDistrictCommittees = 'all_district_committees',
  AllCommuneCommittees = 'all_commune_committees',
  AllDistrictPolice = 'all_district_police',
  AllCommunePolice = 'all_commune_police',
}

/** dispatches.urgency (độ khẩn, Decree 30). */
export enum Urgency {
  Normal = 'thuong',
  Urgent = 'khan',
  VeryUrgent = 'thuong_khan',
  Flash = 'hoa_toc',
}

/** units.type. */
export enum UnitType {
  /** Đơn vị hành chính (tỉnh, huyện, xã) imported from the GSO lists. */
  Area = 'area',
  PeoplesCommittee = 'peoples_committee',
  Police = 'police',
  Department = 'department',
  MassOrganisation = 'mass_organisation',
  Other = 'other',
}

/** units.level. */
export enum UnitLevel {
  Province = 'province',
  District = 'district',
  Commune = 'commune',
}

/** deliveries.recipient_level: the level a report groups a recipient under (snapshotted on the delivery). */
export const REPORT_LEVELS = ['province', 'district', 'commune', 'commune_police'] as const;
export type ReportLevel = (typeof REPORT_LEVELS)[number];

/** users.role. */
export enum Role {
  Admin = 'admin',
  Issuer = 'issuer',
  Leader = 'leader',
  Officer = 'officer',
}

/** Outreach channels (kênh tuyên truyền), in dispatch_tasks.channels and activities.channel. */
export enum ActivityChannel {
  StaffBriefing = 'staff_briefing',
  ResidentMeeting = 'resident_meeting',
  EPortalPost = 'e_portal_post',
  FacebookPost = 'facebook_post',
  ZaloPost = 'zalo_post',
  MassMedia = 'mass_media',
  Loudspeaker = 'loudspeaker',
  BulletinBoard = 'bulletin_board',
  Leaflet = 'leaflet',
  Other = 'other',
}

/** activities.flags. */
export enum ActivityFlag {
  /** Reported before the unit acknowledged the delivery. */
  BeforeAcknowledgement = 'before_acknowledgement',
  /** Dated in the future at the time of the report. */
  FutureDate = 'future_date',
  /** Dated before the dispatch was issued. */
  BeforeDispatch = 'before_dispatch',
  /** An evidence file is byte-identical to one another unit already submitted. */
  DuplicateEvidence = 'duplicate_evidence',
  /** A link is not a URL of the channel claimed (e.g. a Facebook post linking elsewhere). */
  LinkChannelMismatch = 'link_channel_mismatch',
}

/** deliveries.ack_method. */
export enum AckMethod {
  Web = 'web',
  EmailLink = 'email_link',
  Proxy = 'proxy',
}

/**
 * units.link_signup as the api and the unit page say it: may the unit create its first account from
 * its e-mail link? Stored as a nullable boolean (allow true, deny false, inherit NULL), so renaming a
 * value here breaks API clients, not rows.
 */
export enum LinkSignupSetting {
  /** As the nearest unit above that says; nobody saying means refused. */
  Inherit = 'inherit',
  Allow = 'allow',
  Deny = 'deny',
}

/** messages.status. */
export enum MessageStatus {
  Pending = 'pending',
  Sent = 'sent',
  Failed = 'failed',
  /** A reminder whose step the unit did between the sweep and the send, or a mail of a recalled dispatch: never sent. */
  Cancelled = 'cancelled',
}

/** messages.kind. */
export enum MessageKind {
  Notice = 'notice',
  Reminder = 'reminder',
  Escalation = 'escalation',
  Recall = 'recall',
  NewVersion = 'new_version',
  /** A leader's daily digest (messages.digest_id): belongs to no delivery. */
  Digest = 'digest',
}

/** report_exports.format. */
export enum ExportFormat {
  Xlsx = 'xlsx',
  Csv = 'csv',
  Pdf = 'pdf',
}

/** report_exports.status. */
export enum ExportStatus {
  Queued = 'queued',
  Running = 'running',
  Done = 'done',
  Failed = 'failed',
}

/**
 * Everything that may happen to a delivery. Each action's row in DELIVERY_TRANSITIONS (libs/rollout) says in which
 * delivery and dispatch statuses it is allowed, which status it moves to, and what it is called in
 * the audit trail and in the vocabulary. Stored in audit_events.action (as `auditAction`): renaming
 * an action's audit name breaks the trail's history.
 */
export enum DeliveryAction {
  /** The worker's first mail to the unit was accepted by the mail server. */
  Send = 'send',
  /** Someone of the unit opened the delivery (link page or web view): 01. */
  MarkArrived = 'mark_arrived',
  /** The unit confirms receipt (web, e-mail link or proxy): 03. */
  Acknowledge = 'acknowledge',
  /** Wrong addressee, with a reason: 02. */
  Refuse = 'refuse',
  /** Passed down to units below: 04. */
  Forward = 'forward',
  /** The first activity reported: 05. */
  ReportActivity = 'report_activity',
  /** The unit declares its part done: 06. */
  Complete = 'complete',
  /** The issuer sends a refused delivery to the right unit instead (the status stays refused). */
  Readdress = 'readdress',
  /** The issuer recalls the dispatch (thu hồi): every delivery of it, down the cascade. */
  Recall = 'recall',
  /** The unit acknowledges a new version of a dispatch it had acknowledged (the status stays). */
  Reacknowledge = 'reacknowledge',
}
