import { RecipientGroup, RecipientPurpose, UnitLevel, UnitType } from '@app/vocabulary';

export interface RecipientChoice {
  purpose: RecipientPurpose;
  unitId?: string | null;
  group?: RecipientGroup | null;
  scopeUnitId?: string | null;
}

export interface ResolvedRecipient {
  unitId: string;
  purpose: RecipientPurpose;
}

/** What each group means: bodies of this type and level serving an area inside the scope. */
export const GROUP_MEMBERS: Record<RecipientGroup, { type: UnitType; level: UnitLevel }> = {
  [RecipientGroup.AllDepartments]: { type: UnitType.Department, level: UnitLevel.Province },
  [RecipientGroup.AllDistrictCommittees]: { type: UnitType.PeoplesCommittee, level: UnitLevel.District },
  [RecipientGroup.AllCommuneCommittees]: { type: UnitType.PeoplesCommittee, level: UnitLevel.Commune },
  [RecipientGroup.AllDistrictPolice]: { type: UnitType.Police, level: UnitLevel.District },
  [RecipientGroup.AllCommunePolice]: { type: UnitType.Police, level: UnitLevel.Commune },
};

/** When one unit is chosen twice, the stronger purpose wins. */
export const PURPOSE_RANK = [
  RecipientPurpose.Action,
  RecipientPurpose.Coordinate,
  RecipientPurpose.Report,
  RecipientPurpose.Info,
  RecipientPurpose.Archive,
];

/** GROUP_MEMBERS as SQL rows (group_kind, type, level), for a `VALUES` list; built from constants only. */
export const GROUP_VALUES = Object.entries(GROUP_MEMBERS)
  .map(([g, m]) => `('${g}', '${m.type}', '${m.level}')`)
  .join(', ');
