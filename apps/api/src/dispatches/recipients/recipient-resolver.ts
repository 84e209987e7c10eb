import { invalid, notFound } from '@app/common';
import { RecipientGroup, Unit, UnitType } from '@app/database';
import { type RecipientChoice, RecipientUnitRepository, type ResolvedRecipient } from '@app/rollout';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** Groups that only exist where the structure has districts (until 30 June 2025). */
export const DISTRICT_GROUPS = new Set<RecipientGroup>([RecipientGroup.AllDistrictCommittees, RecipientGroup.AllDistrictPolice]);

/** How a group is named to the person choosing it. */
const GROUP_LABELS: Record<RecipientGroup, string> = {
  [RecipientGroup.AllDepartments]: 'Các sở, ban, ngành',
  [RecipientGroup.AllDistrictCommittees]: 'UBND các huyện, thị xã, thành phố',
  [RecipientGroup.AllCommuneCommittees]: 'UBND các xã, phường, đặc khu',
  [RecipientGroup.AllDistrictPolice]: 'Công an các huyện',
  [RecipientGroup.AllCommunePolice]: 'Công an các xã, phường',
};

/**
 * Turns "Kính gửi" / "Nơi nhận" choices (single units and groups such as "all district UBNDs")
 * into one row per unit, in one set-based query whatever the number of units. Groups take the
 * units in force on `asOf` (the dispatch's issued date; today when absent): the same group means
 * the same thing in the three-level and the two-level structure, and "all district UBNDs" is
 * refused where that day's structure has no districts. What groups mean, and which purpose wins,
 * live with the SQL in libs/rollout (GROUP_MEMBERS, PURPOSE_RANK).
 */
@Injectable()
export class RecipientResolver {
  constructor(private readonly units: RecipientUnitRepository) {}

  async resolve(em: EntityManager, issuer: Unit, choices: RecipientChoice[], asOf?: string | null): Promise<ResolvedRecipient[]> {
    if (choices.length === 0) return [];
    const day = asOf ?? new Date().toISOString().slice(0, 10);
    await this.requireKnownUnits(em, choices, day);
    const defaultScope = await this.provinceAreaOf(em, issuer, choices);
    await this.requireDistrictsWhereAsked(em, choices, defaultScope, day);
    return this.units.resolve(em, choices, defaultScope, day);
  }

  /** "All district UBNDs" and "all district police" need districts in the scope on that day. */
  private async requireDistrictsWhereAsked(em: EntityManager, choices: RecipientChoice[], defaultScope: string | null, day: string) {
    const asked = choices.filter((c) => c.group && DISTRICT_GROUPS.has(c.group));
    if (asked.length === 0) return;
    const scopes = [...new Set(asked.map((c) => c.scopeUnitId ?? defaultScope))];
    const rows = await this.units.areasWithDistricts(em, scopes, day);
    const without = rows.filter((r) => !r.districts);
    if (without.length === 0) return;
    const groups = [...new Set(asked.map((c) => `"${GROUP_LABELS[c.group!]}"`))].join(', ');
    throw invalid(
      `${without.map((r) => r.name).join(', ')} không có cấp huyện vào ngày ${day.split('-').reverse().join('/')} ` +
        `(chính quyền địa phương hai cấp từ 01/07/2025), nên không gửi được cho nhóm ${groups}. ` +
        `Hãy chọn "UBND các xã, phường, đặc khu" hoặc "Công an các xã, phường".`,
      { groupsNeedingDistricts: asked.map((c) => c.group) },
    );
  }

  private async requireKnownUnits(em: EntityManager, choices: RecipientChoice[], day: string): Promise<void> {
    const ids = [...new Set(choices.flatMap((c) => [c.unitId, c.scopeUnitId]).filter((x): x is string => !!x))];
    if (ids.length === 0) return;
    const rows = await this.units.inForce(em, ids, day);
    const missing = ids.filter((id) => !rows.some((r) => r.id === id));
    if (missing.length) throw notFound(`Không tìm thấy đơn vị nhận: ${missing.join(', ')}.`, { missingUnitIds: missing });
    const inactive = rows.filter((r) => !r.active && choices.some((c) => c.unitId === r.id));
    if (inactive.length) throw invalid(`Đơn vị đã ngừng hoạt động, không gửi được: ${inactive.map((r) => r.name).join(', ')}.`);
  }

  /** Groups without an explicit scope are taken from the issuer's province. */
  private async provinceAreaOf(em: EntityManager, issuer: Unit, choices: RecipientChoice[]): Promise<string | null> {
    if (!choices.some((c) => c.group && !c.scopeUnitId)) return null;
    const areaId = issuer.type === UnitType.Area ? issuer.id : issuer.areaId;
    if (!areaId) throw invalid('Đơn vị ban hành không gắn với địa bàn nào: hãy chọn phạm vi (scopeUnitId) cho nhóm nơi nhận.');
    const path = await this.units.pathOf(em, areaId);
    return path!.split('.')[0];
  }
}
