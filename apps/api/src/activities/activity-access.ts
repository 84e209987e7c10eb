import { conflict, invalid, notFound } from '@app/common';
import { ActivityChannel, ActivityFlag, DeliveryStatus, DispatchStatus } from '@app/database';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor.js';
import { DeliveryAccess, DeliveryContext } from '../access/delivery-access.service.js';

/** An activity as the write paths read it (dates as YYYY-MM-DD strings, never shifted by a time zone). */
export interface ActivityRow {
  id: string;
  deliveryId: string;
  unitId: string;
  dispatchId: string;
  taskNumber: number | null;
  channel: ActivityChannel;
  occurredOn: string;
  place: string | null;
  reach: number | null;
  quantity: number | null;
  links: string[];
  description: string | null;
  flags: ActivityFlag[];
  version: number;
  withdrawnAt: Date | null;
  withdrawalReason: string | null;
  createdAt: Date;
}

export const ACTIVITY_COLUMNS = `a.id, a.delivery_id AS "deliveryId", a.unit_id AS "unitId", a.dispatch_id AS "dispatchId",
  a.task_number AS "taskNumber", a.channel, to_char(a.occurred_on, 'YYYY-MM-DD') AS "occurredOn", a.place, a.reach, a.quantity,
  a.links, a.description, a.flags, a.version, a.withdrawn_at AS "withdrawnAt", a.withdrawal_reason AS "withdrawalReason",
  a.created_at AS "createdAt"`;

/** The content of one version of an activity: what a revision keeps and what the audit trail shows. */
export type ActivitySnapshot = Pick<
  ActivityRow,
  'taskNumber' | 'channel' | 'occurredOn' | 'place' | 'reach' | 'quantity' | 'links' | 'description' | 'flags' | 'version'
>;

export const snapshotOf = (a: ActivitySnapshot): ActivitySnapshot => ({
  version: a.version,
  taskNumber: a.taskNumber,
  channel: a.channel,
  occurredOn: a.occurredOn,
  place: a.place,
  reach: a.reach,
  quantity: a.quantity,
  links: a.links,
  description: a.description,
  flags: a.flags,
});

/**
 * Who may touch an activity, decided by who may touch its delivery (DeliveryAccess): writing
 * belongs to the recipient unit's own users, reading to whoever may see the delivery.
 */
@Injectable()
export class ActivityAccess {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly deliveries: DeliveryAccess,
  ) {}

  /** Loads the activity (locked for the rest of the transaction when `lock`) and checks the actor acts for its unit. */
  async requireOwn(
    actor: Actor,
    activityId: string,
    em: EntityManager = this.db.manager,
    lock = false,
  ): Promise<{ activity: ActivityRow; delivery: DeliveryContext }> {
    const activity = await this.load(activityId, em, lock);
    const delivery = await this.deliveries.requireOwn(actor, activity.deliveryId, em);
    return { activity, delivery };
  }

  async requireVisible(actor: Actor, activityId: string): Promise<{ activity: ActivityRow; delivery: DeliveryContext }> {
    const activity = await this.load(activityId);
    const delivery = await this.deliveries.requireVisible(actor, activity.deliveryId);
    return { activity, delivery };
  }

  private async load(activityId: string, em: EntityManager = this.db.manager, lock = false): Promise<ActivityRow> {
    const [row] = await em.query(`SELECT ${ACTIVITY_COLUMNS} FROM activities a WHERE a.id = $1${lock ? ' FOR UPDATE' : ''}`, [activityId]);
    if (!row) throw notFound(`Không tìm thấy hoạt động ${activityId}.`);
    return row;
  }
}

/** Activities change only while the dispatch is in force (not recalled, not closed). */
export function assertDispatchInForce(delivery: DeliveryContext): void {
  if (delivery.dispatchStatus !== DispatchStatus.Published) {
    throw conflict(
      delivery.dispatchStatus === DispatchStatus.Recalled
        ? 'Công văn này đã bị thu hồi: không báo cáo hay sửa hoạt động được nữa.'
        : delivery.dispatchStatus === DispatchStatus.Closed
          ? 'Công văn này đã kết thúc theo dõi: không báo cáo hay sửa hoạt động được nữa.'
          : 'Công văn này chưa được ban hành.',
    );
  }
}

/** Reports, corrections and evidence: the dispatch is in force and the unit did not refuse it. */
export function assertOpenForReports(delivery: DeliveryContext): void {
  assertDispatchInForce(delivery);
  if (delivery.status === DeliveryStatus.Refused) {
    throw conflict(
      `${delivery.unitName} đã từ chối tiếp nhận công văn này nên không báo cáo hoạt động được; nếu từ chối nhầm, hãy liên hệ đơn vị ban hành.`,
    );
  }
}

export function assertNotWithdrawn(activity: ActivityRow): void {
  if (activity.withdrawnAt)
    throw conflict('Hoạt động này đã được rút: không sửa hay thêm minh chứng được nữa. Hãy báo cáo một hoạt động mới nếu cần.');
}

/** The task must be one of the dispatch's numbered requests; required when the dispatch has any. */
export async function requireTaskNumber(em: EntityManager, dispatchId: string, taskNumber: number | null): Promise<void> {
  const rows: { number: number }[] = await em.query(`SELECT number FROM dispatch_tasks WHERE dispatch_id = $1 ORDER BY number`, [
    dispatchId,
  ]);
  const numbers = rows.map((r) => r.number);
  if (taskNumber === null) {
    if (numbers.length) throw invalid(`taskNumber (nhiệm vụ số) là bắt buộc: công văn có các nhiệm vụ số ${numbers.join(', ')}.`);
    return;
  }
  if (!numbers.includes(taskNumber)) {
    throw invalid(
      numbers.length
        ? `Công văn không có nhiệm vụ số ${taskNumber}: chọn một trong các nhiệm vụ số ${numbers.join(', ')}.`
        : `Công văn không có nhiệm vụ đánh số: bỏ trống taskNumber.`,
    );
  }
}
