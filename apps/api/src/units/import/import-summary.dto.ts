import { ApiProperty } from '@nestjs/swagger';
import type { UpsertSummary } from '../unit-tree.writer.js';
import type { RetiredCount } from './reform-retirement.js';
import type { ImportSummary } from './unit-import.service.js';

/** What an import of the unit tree wrote, for the OpenAPI document and the generated client. */

export class UpsertSummaryDto implements UpsertSummary {
  @ApiProperty({ description: 'Rows in the list' }) total!: number;
  @ApiProperty() created!: number;
  @ApiProperty() updated!: number;
  @ApiProperty() unchanged!: number;
}

/** Areas of the list per level. */
export class LevelCountsDto {
  @ApiProperty() province!: number;
  @ApiProperty() district!: number;
  @ApiProperty() commune!: number;
}

export class RetiredCountDto implements RetiredCount {
  @ApiProperty() areas!: number;
  @ApiProperty() bodies!: number;
}

/** POST /admin/units/import: one GSO list loaded into the unit tree. */
export class ImportSummaryDto extends UpsertSummaryDto implements ImportSummary {
  @ApiProperty({ type: LevelCountsDto }) byLevel!: LevelCountsDto;
  @ApiProperty({ type: RetiredCountDto, description: 'The three-level areas (and the bodies serving them) a two-level list replaced' })
  retired!: RetiredCountDto;
  @ApiProperty() durationMs!: number;
}
