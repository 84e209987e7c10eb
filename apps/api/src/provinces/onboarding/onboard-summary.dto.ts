import { ApiProperty } from '@nestjs/swagger';
import { LevelCountsDto, RetiredCountDto, UpsertSummaryDto } from '../../units/import/import-summary.dto.js';
import type { LineageSummary } from '../../units/lineage/lineage-import.service.js';
import type { OnboardSummary } from './onboard-province.service.js';

export class OnboardAreasDto extends UpsertSummaryDto {
  @ApiProperty({ type: LevelCountsDto }) byLevel!: LevelCountsDto;
}

export class OnboardBodiesDto extends UpsertSummaryDto {
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    description: 'Bodies per kind of the catalogue (UBND, Công an, the departments…)',
  })
  byKind!: Record<string, number>;
}

export class LineageSummaryDto implements LineageSummary {
  @ApiProperty({ description: 'Rows of the successor list considered' }) rows!: number;
  @ApiProperty({ description: 'Rows whose old and new commune are both stored' }) matched!: number;
  @ApiProperty() created!: number;
  @ApiProperty({ description: 'Old communes (and the bodies serving them) retired because a successor now exists' }) retired!: number;
}

/** POST /admin/provinces/onboard: what the onboarding wrote (it runs within the request). */
export class OnboardSummaryDto implements OnboardSummary {
  @ApiProperty({ enum: ['three_levels', 'two_levels'] }) structure!: 'three_levels' | 'two_levels';
  @ApiProperty() provinces!: number;
  @ApiProperty({ type: OnboardAreasDto }) areas!: OnboardAreasDto;
  @ApiProperty({ type: OnboardBodiesDto }) bodies!: OnboardBodiesDto;
  @ApiProperty({ type: RetiredCountDto }) retired!: RetiredCountDto;
  @ApiProperty({ type: LineageSummaryDto, nullable: true, description: 'The successor links, when the list is two-level' })
  lineage!: LineageSummaryDto | null;
  @ApiProperty() durationMs!: number;
}
