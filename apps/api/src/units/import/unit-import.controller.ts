import { Role } from '@app/database';
import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../auth/decorators.js';
import { ImportSummaryDto } from './import-summary.dto.js';
import { ImportUnitsDto } from './import-units.dto.js';
import { UnitImportService } from './unit-import.service.js';

@ApiTags('units')
@ApiBearerAuth()
@Controller('admin/units/import')
export class UnitImportController {
  constructor(private readonly importer: UnitImportService) {}

  @ApiOkResponse({ type: ImportSummaryDto })
  @Post()
  @HttpCode(200)
  @Roles(Role.Admin)
  import(@Body() dto: ImportUnitsDto): Promise<ImportSummaryDto> {
    return this.importer.importDataset(dto.dataset);
  }
}
