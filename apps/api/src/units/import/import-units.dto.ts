import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { DATASETS } from './datasets.js';

export class ImportUnitsDto {
  @ApiProperty({ enum: Object.keys(DATASETS), example: 'nam-dinh-2024-05-01' })
  @IsIn(Object.keys(DATASETS), { message: `dataset phải là một trong: ${Object.keys(DATASETS).join(', ')}` })
  dataset!: string;
}
