import { DEPARTMENTS_2023, POLICE_CORE } from '../provinces/onboarding/body-catalogue.js';
import { AreaRef, provinceBodies } from '../provinces/onboarding/province-bodies.js';
import type { UnitRow } from '../units/unit-tree.writer.js';

export type { AreaRef } from '../provinces/onboarding/province-bodies.js';

export const NAM_DINH_AREA = '36';

/**
 * The bodies that acted on dispatch 5207 in October 2023, on top of the Nam Định areas of
 * 2024-05-01: UBND tỉnh -> 22 departments and UBND huyện -> UBND xã -> Công an xã;
 * Công an tỉnh -> Ban Giám đốc, PA05, Văn thư, Công an huyện (the one province builder, with
 * Nam Định's 2023 lists).
 */
export function namDinhBodies(areas: AreaRef[]): UnitRow[] {
  if (!areas.some((a) => a.code === NAM_DINH_AREA)) throw new Error('Import the Nam Định administrative areas (nam-dinh-2024-05-01) first');
  return provinceBodies(
    areas,
    NAM_DINH_AREA,
    { departments: DEPARTMENTS_2023, policeDepartments: POLICE_CORE },
    { emailDomain: 'namdinh.example' },
  );
}
