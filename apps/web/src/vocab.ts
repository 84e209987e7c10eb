/**
 * The web's view of the one vocabulary (libs/vocabulary, shared with the api, the mail, the link page
 * and the exports): the same Vietnamese word for each stored value, plus the colours the screens give them.
 */
import { EDXML_CODE, VI_LABELS } from '@app/vocabulary';

const DELIVERY_COLOR: Record<string, string> = {
  pending: 'default',
  sent: 'default',
  arrived: 'blue',
  refused: 'red',
  accepted: 'cyan',
  assigned: 'geekblue',
  in_progress: 'gold',
  completed: 'green',
  recalled: 'red',
};

export const DELIVERY_STATUS: Record<string, { label: string; code: string; color: string }> = Object.fromEntries(
  Object.entries(VI_LABELS.deliveryStatus).map(([k, label]) => [
    k,
    { label, code: (EDXML_CODE as Record<string, string | undefined>)[k] ?? '', color: DELIVERY_COLOR[k] ?? 'default' },
  ]),
);

export const DISPATCH_STATUS: Record<string, string> = VI_LABELS.dispatchStatus;
export const PURPOSE: Record<string, string> = VI_LABELS.purpose;

const URGENCY_COLOR: Record<string, string> = { thuong: 'default', khan: 'orange', thuong_khan: 'volcano', hoa_toc: 'red' };
export const URGENCY: Record<string, { label: string; color: string }> = Object.fromEntries(
  Object.entries(VI_LABELS.urgency).map(([k, label]) => [k, { label, color: URGENCY_COLOR[k] ?? 'default' }]),
);

export const LEVEL: Record<string, string> = { ...VI_LABELS.unitLevel, ...VI_LABELS.reportLevel };
export const UNIT_TYPE: Record<string, string> = VI_LABELS.unitType;
export const CHANNEL: Record<string, string> = VI_LABELS.channel;
export const ROLE: Record<string, string> = VI_LABELS.role;
export const GROUP: Record<string, string> = VI_LABELS.recipientGroup;
export const FLAG: Record<string, string> = VI_LABELS.activityFlag;
export const LINK_SIGNUP_SETTING = VI_LABELS.linkSignupSetting;

const MESSAGE_COLOR: Record<string, string> = { pending: 'default', sent: 'green', failed: 'red' };
export const MESSAGE_STATUS: Record<string, { label: string; color: string }> = Object.fromEntries(
  Object.entries(VI_LABELS.messageStatus).map(([k, label]) => [k, { label, color: MESSAGE_COLOR[k] ?? 'default' }]),
);

export const DEADLINE = VI_LABELS.deadline;
export const OVERDUE = VI_LABELS.overdue;
export const FIGURE = VI_LABELS.reportFigure;
export const MESSAGE_KIND: Record<string, string> = VI_LABELS.messageKind;
export const VERSION_KIND: Record<string, string> = VI_LABELS.versionKind;
export const CADENCE_UNIT: Record<string, string> = VI_LABELS.cadenceUnit;
export const REMINDER_STEP: Record<string, string> = VI_LABELS.reminderStep;
/** "đã nhắc 2 lần, lần cuối 08:30 05/12", written as the api writes it. */
export { viReminderSummary as reminderSummary } from '@app/vocabulary';

export const label = (table: Record<string, string>, key: string | null | undefined): string => (key ? (table[key] ?? key) : '');
