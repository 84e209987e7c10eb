import { UnitLevel, UnitType } from '@app/vocabulary';
import { ApiProperty } from '@nestjs/swagger';
import type { Lineage, LineageUnit } from '../lineage/unit-lineage.service.js';
import type { Place } from '../units.service.js';

/** The response shapes of the unit tree, for the OpenAPI document and the generated client. */

const TYPE = { enum: UnitType, enumName: 'UnitType' };
const LEVEL = { enum: UnitLevel, enumName: 'UnitLevel' };
const DAY = (description: string) => ({ type: String, nullable: true, description: `${description} (YYYY-MM-DD)` });

/** A unit as stored (GET /units/:id, the answers of create, update, deactivate and move). */
export class UnitDto {
  @ApiProperty() id!: string;
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty(TYPE) type!: UnitType;
  @ApiProperty({ type: String, nullable: true, description: 'The GSO type label of an area (Tỉnh, Huyện, Xã, Phường…)' })
  areaKind!: string | null;
  @ApiProperty(LEVEL) level!: UnitLevel;
  @ApiProperty({ type: String, nullable: true }) parentId!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The administrative area this body serves' }) areaId!: string | null;
  @ApiProperty({ description: 'Materialised path: the ids from the root, each followed by a dot' }) path!: string;
  @ApiProperty({ type: [String] }) emails!: string[];
  @ApiProperty() active!: boolean;
  @ApiProperty({ type: Boolean, nullable: true, description: 'Its own link-signup setting; null follows the unit above' })
  linkSignup!: boolean | null;
  @ApiProperty(DAY('The day the unit ceased to exist')) retiredOn!: string | null;
  @ApiProperty(DAY('The day a unit of a new structure came into force')) validFrom!: string | null;
  @ApiProperty() createdAt!: Date;
  @ApiProperty() updatedAt!: Date;
}

/** An administrative area as a unit's page names it. */
export class PlaceDto implements Place {
  @ApiProperty() id!: string;
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty(DAY('Retired on')) retiredOn!: string | null;
}

/** GET /units: a unit with the province it lies in. */
export class UnitListItemDto extends UnitDto {
  @ApiProperty({ type: PlaceDto, nullable: true }) province!: PlaceDto | null;
}

export class UnitAncestorDto {
  @ApiProperty() id!: string;
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty(LEVEL) level!: UnitLevel;
  @ApiProperty(TYPE) type!: UnitType;
}

/** A unit before or after a merger, with the day the succession took effect. */
export class LineageUnitDto implements LineageUnit {
  @ApiProperty() id!: string;
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty(TYPE) type!: UnitType;
  @ApiProperty(LEVEL) level!: UnitLevel;
  @ApiProperty({ type: String, nullable: true }) areaKind!: string | null;
  @ApiProperty() active!: boolean;
  @ApiProperty(DAY('Retired on')) retiredOn!: string | null;
  @ApiProperty({ description: 'The day the succession took effect (YYYY-MM-DD)' }) effectiveOn!: string;
}

/** GET /units/:id: the unit with the units above it, its area and province, and where it came from or went. */
export class UnitDetailDto extends UnitListItemDto implements Lineage {
  @ApiProperty({ type: [UnitAncestorDto], description: 'From the root down to its parent' }) ancestors!: UnitAncestorDto[];
  @ApiProperty({ type: PlaceDto, nullable: true, description: 'The area it serves (itself for an area)' }) area!: PlaceDto | null;
  @ApiProperty({ type: [LineageUnitDto], description: 'The units merged into it' }) predecessors!: LineageUnitDto[];
  @ApiProperty({ type: [LineageUnitDto], description: 'The units it became' }) successors!: LineageUnitDto[];
}
