/** The unit pages' view of the api: GET /units, GET /units/:id, the unit scorecard and province onboarding. */

/** An administrative area as a unit's page names it (its own area, or the province it lies in). */
export interface Place {
  id: string;
  code: string;
  name: string;
  retiredOn: string | null;
}

export interface UnitRow {
  id: string;
  code: string;
  name: string;
  type: string;
  level: string;
  areaKind: string | null;
  parentId: string | null;
  areaId: string | null;
  active: boolean;
  retiredOn: string | null;
  validFrom: string | null;
  emails: string[];
  province: Place | null;
}

/** A unit before or after a merger, with the day the succession took effect. */
export interface LineageUnit {
  id: string;
  code: string;
  name: string;
  type: string;
  level: string;
  areaKind: string | null;
  active: boolean;
  retiredOn: string | null;
  effectiveOn: string;
}

export interface UnitDetail extends UnitRow {
  ancestors: { id: string; code: string; name: string; level: string; type: string }[];
  area: Place | null;
  predecessors: LineageUnit[];
  successors: LineageUnit[];
}

export interface ScorecardRow {
  unitId: string;
  unitCode: string;
  unitName: string;
  level: string;
  type: string;
  retiredOn: string | null;
  deliveries: number;
  acknowledged: number;
  acknowledgedRate: string | number;
  medianAckHours: string | number | null;
  expectedToForward: number;
  forwarded: number;
  overdueForward: number;
  activities: number;
  forwardingRate: number | null;
}

export interface Scorecard {
  unit: { id: string; code: string; name: string };
  from: string;
  to: string;
  units: ScorecardRow[];
  /** Present only when asked for (includePredecessors). */
  predecessors?: ScorecardRow[];
}

interface Upsert {
  total: number;
  created: number;
  updated: number;
  unchanged: number;
}

/** What POST /admin/provinces/onboard answers once the onboarding has run (it runs within the request). */
export interface OnboardSummary {
  structure: 'three_levels' | 'two_levels';
  provinces: number;
  areas: Upsert & { byLevel: Record<string, number> };
  bodies: Upsert & { byKind: Record<string, number> };
  retired: { areas: number; bodies: number };
  lineage: { rows: number; matched: number; created: number; retired: number } | null;
  durationMs: number;
}
