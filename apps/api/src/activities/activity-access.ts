import { conflict, invalid, notFound } from '@app/common';
import { DeliveryStatus, DispatchStatus } from '@app/database';
import { ActivityRepository, type ActivityRow } from '@app/rollout';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor.js';
import { DeliveryAccess, DeliveryContext } from '../access/delivery-access.service.js';

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
    private readonly repository: ActivityRepository,
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
    const row = await this.repository.find(em, activityId, lock);
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

/** The task must be one of the dispatch's numbered requests (`numbers`, in order); required when the dispatch has any. */
export function requireTaskNumber(numbers: number[], taskNumber: number | null): void {
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
