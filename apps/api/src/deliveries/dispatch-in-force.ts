import { conflict } from '@app/common';
import { DispatchStatus } from '@app/database';
import type { DispatchRepository } from '@app/rollout';
import type { EntityManager } from 'typeorm';

/** What is being attempted, in the words of the refusal ("... không {verb} được nữa"). */
export type FrozenAction = 'refuse' | 'complete' | 'readdress' | 'resend' | 'addRecipients';

const VERB: Record<FrozenAction, string> = {
  refuse: 'từ chối tiếp nhận',
  complete: 'báo hoàn thành',
  readdress: 'chuyển lại nơi nhận',
  resend: 'gửi lại',
  addRecipients: 'gửi thêm nơi nhận',
};

/** The 409 for an action on a dispatch that is no longer in force (closed, recalled, or still a draft). */
export function notInForce(status: DispatchStatus, action: FrozenAction) {
  const verb = VERB[action];
  if (status === DispatchStatus.Closed) return conflict(`Công văn này đã kết thúc theo dõi: không ${verb} được nữa.`);
  if (status === DispatchStatus.Recalled) return conflict(`Công văn này đã bị thu hồi: không ${verb} được nữa.`);
  return conflict(`Công văn này chưa được ban hành: chưa ${verb} được.`);
}

/**
 * Closed means frozen: reads the dispatch under a share lock (closing takes FOR UPDATE, so an
 * action and a close never interleave) and refuses with 409 unless it is published. Lives beside
 * the other rollout 409s until libs/rollout's transition table takes these checks over.
 */
export async function requireDispatchInForce(
  dispatches: DispatchRepository,
  em: EntityManager,
  dispatchId: string,
  action: FrozenAction,
): Promise<void> {
  const status = await dispatches.statusForShare(em, dispatchId);
  if (status && status !== DispatchStatus.Published) throw notInForce(status, action);
}
