import { Activity, ActivityEvidence, ActivityRevision } from './activity.entity.js';
import { AuditEvent } from './audit-event.entity.js';
import { Delivery, Message } from './delivery.entity.js';
import { Dispatch, DispatchAttachment, DispatchRecipient, DispatchTask } from './dispatch.entity.js';
import { ReportExport } from './report-export.entity.js';
import { Unit } from './unit.entity.js';
import { User } from './user.entity.js';

export * from './unit.entity.js';
export * from './user.entity.js';
export * from './dispatch.entity.js';
export * from './delivery.entity.js';
export * from './activity-channel.js';
export * from './activity.entity.js';
export * from './audit-event.entity.js';
export * from './report-export.entity.js';

export const entities = [
  Unit,
  User,
  Dispatch,
  DispatchTask,
  DispatchAttachment,
  DispatchRecipient,
  Delivery,
  Message,
  Activity,
  ActivityRevision,
  ActivityEvidence,
  AuditEvent,
  ReportExport,
];
