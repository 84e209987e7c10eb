/**
 * The unit pages' view of the api: GET /units, GET /units/:id, the unit scorecard and province
 * onboarding. Each is an alias of the type generated from the api's response DTOs (./generated).
 */
import type {
  LineageUnitDto,
  OnboardSummaryDto,
  PlaceDto,
  ScorecardDto,
  ScorecardRowDto,
  UnitDetailDto,
  UnitListItemDto,
} from './generated/types.gen';

/** An administrative area as a unit's page names it (its own area, or the province it lies in). */
export type Place = PlaceDto;

/** GET /units: a unit with the province it lies in. */
export type UnitRow = UnitListItemDto;

/** A unit before or after a merger, with the day the succession took effect. */
export type LineageUnit = LineageUnitDto;

/** GET /units/:id: with the units above it, its area, and its predecessors and successors. */
export type UnitDetail = UnitDetailDto;

export type ScorecardRow = ScorecardRowDto;

/** GET /reports/units/:unitId/scorecard (predecessors only when asked for). */
export type Scorecard = ScorecardDto;

/** What POST /admin/provinces/onboard answers once the onboarding has run (it runs within the request). */
export type OnboardSummary = OnboardSummaryDto;
