import { ActivityChannel } from '@app/database';
import { type ActivityContent, ActivityViewReader, type ActivityViewRow, type Db } from '@app/rollout';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../../auth/actor.js';
import { DeliveryAccess } from '../../access/delivery-access.service.js';
import { ActivityAccess, ActivitySnapshot } from '../activity-access.js';
import { flagNote } from '../activity-flags.js';

export interface EvidenceView {
  id: string;
  activityId: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  /** The unit that had already submitted the byte-identical file, when there is one. */
  duplicateOfUnit: { id: string; name: string } | null;
  createdAt: Date;
  url: string;
}

export interface PersonRef {
  id: string;
  name: string;
}

/** An activity as readers see it: its content (what was reported), with its unit, evidence, flags explained and withdrawal. */
export interface ActivityView extends ActivityContent {
  id: string;
  deliveryId: string;
  dispatchId: string;
  unit: { id: string; name: string };
  /** One Vietnamese explanation per flag, in the same order. */
  flagNotes: string[];
  version: number;
  /** Earlier versions kept by corrections (GET /activities/:id/history). */
  historyCount: number;
  reportedBy: PersonRef | null;
  /** Withdrawn activities stay readable, marked here, and count nowhere. */
  withdrawn: { at: Date; by: PersonRef | null; reason: string } | null;
  evidence: EvidenceView[];
  createdAt: Date;
  updatedAt: Date;
}

export interface ActivitySummary {
  /** Activities not withdrawn. */
  active: number;
  withdrawn: number;
  reach: number;
  quantity: number;
  byChannel: Partial<Record<ActivityChannel, number>>;
  flagged: number;
}

export interface RevisionView {
  version: number;
  snapshot: ActivitySnapshot;
  /** Who replaced this version by the next one, and when. */
  changedBy: PersonRef | null;
  changedAt: Date;
}

/**
 * Activities as readers see them: with evidence, flags explained, history count and withdrawal.
 * `forDeliveries` is the entry point for other features (the delivery detail view); it checks no
 * access, so callers pass only deliveries they already proved the actor may see.
 */
@Injectable()
export class ActivityViews {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly deliveries: DeliveryAccess,
    private readonly activities: ActivityAccess,
    private readonly reader: ActivityViewReader,
  ) {}

  /** Every activity of these deliveries (withdrawn ones included, marked), oldest first per delivery. */
  async forDeliveries(deliveryIds: string[], db: Db = this.db): Promise<ActivityView[]> {
    if (!deliveryIds.length) return [];
    return this.assemble(await this.reader.ofDeliveries(db, deliveryIds), db);
  }

  async one(activityId: string, db: Db = this.db): Promise<ActivityView> {
    const [view] = await this.assemble(await this.reader.one(db, activityId), db);
    return view;
  }

  /** GET /deliveries/:id/activities: the list and what it adds up to (withdrawn activities excluded from the sums). */
  async list(actor: Actor, deliveryId: string): Promise<{ deliveryId: string; items: ActivityView[]; summary: ActivitySummary }> {
    await this.deliveries.requireVisible(actor, deliveryId);
    const items = await this.forDeliveries([deliveryId]);
    return { deliveryId, items, summary: summarize(items) };
  }

  async get(actor: Actor, activityId: string): Promise<ActivityView> {
    await this.activities.requireVisible(actor, activityId);
    return this.one(activityId);
  }

  /** GET /activities/:id/history: every earlier version, oldest first, then the current one. */
  async history(actor: Actor, activityId: string): Promise<{ activityId: string; current: ActivityView; revisions: RevisionView[] }> {
    await this.activities.requireVisible(actor, activityId);
    const rows = await this.reader.revisions(this.db, activityId);
    return {
      activityId,
      current: await this.one(activityId),
      revisions: rows.map(({ changedById, changedByName, ...r }) => ({ ...r, changedBy: person(changedById, changedByName) })),
    };
  }

  private async assemble(rows: ActivityViewRow[], db: Db): Promise<ActivityView[]> {
    if (!rows.length) return [];
    const evidenceRows = await this.reader.evidence(
      db,
      rows.map((r) => r.id),
    );
    const evidenceOf = new Map<string, EvidenceView[]>();
    for (const { duplicateOfUnitId, duplicateOfUnitName, ...e } of evidenceRows) {
      const view: EvidenceView = {
        ...e,
        duplicateOfUnit: duplicateOfUnitId ? { id: duplicateOfUnitId, name: duplicateOfUnitName ?? '' } : null,
        url: `/api/v1/activities/${e.activityId}/evidence/${e.id}`,
      };
      evidenceOf.set(e.activityId, [...(evidenceOf.get(e.activityId) ?? []), view]);
    }
    return rows.map((r) => {
      const evidence = evidenceOf.get(r.id) ?? [];
      const duplicateOfUnits = [...new Set(evidence.flatMap((e) => (e.duplicateOfUnit ? [e.duplicateOfUnit.name] : [])))];
      return {
        id: r.id,
        deliveryId: r.deliveryId,
        dispatchId: r.dispatchId,
        unit: { id: r.unitId, name: r.unitName },
        taskNumber: r.taskNumber,
        channel: r.channel,
        occurredOn: r.occurredOn,
        place: r.place,
        reach: r.reach,
        quantity: r.quantity,
        links: r.links,
        description: r.description,
        flags: r.flags,
        flagNotes: r.flags.map((f) => flagNote(f, { ...r, dispatchIssuedDate: r.dispatchIssuedDate, duplicateOfUnits })),
        version: r.version,
        historyCount: r.historyCount,
        reportedBy: person(r.reportedById, r.reportedByName),
        withdrawn: r.withdrawnAt
          ? { at: r.withdrawnAt, by: person(r.withdrawnById, r.withdrawnByName), reason: r.withdrawalReason ?? '' }
          : null,
        evidence,
        createdAt: r.createdAt,
        updatedAt: r.updatedAt,
      };
    });
  }
}

const person = (id: string | null, name: string | null): PersonRef | null => (id ? { id, name: name ?? '' } : null);

/** Sums over the activities that count: withdrawn ones are left out. */
export function summarize(items: Pick<ActivityView, 'withdrawn' | 'reach' | 'quantity' | 'channel' | 'flags'>[]): ActivitySummary {
  const summary: ActivitySummary = { active: 0, withdrawn: 0, reach: 0, quantity: 0, byChannel: {}, flagged: 0 };
  for (const a of items) {
    if (a.withdrawn) {
      summary.withdrawn++;
      continue;
    }
    summary.active++;
    summary.reach += a.reach ?? 0;
    summary.quantity += a.quantity ?? 0;
    summary.byChannel[a.channel] = (summary.byChannel[a.channel] ?? 0) + 1;
    if (a.flags.length) summary.flagged++;
  }
  return summary;
}
