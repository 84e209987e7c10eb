import { Role } from '@app/database';
import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../auth/decorators.js';
import { ImportUnitsDto } from './import-units.dto.js';
import { UnitImportService } from './unit-import.service.js';
import { ApiObjectResponse } from '../../openapi/api-responses.js';

@ApiTags('units')
@ApiBearerAuth()
@Controller('admin/units/import')
export class UnitImportController {
  constructor(private readonly importer: UnitImportService) {}

  @ApiObjectResponse('import')
  @Post()
  @HttpCode(200)
  @Roles(Role.Admin)
  import(@Body() dto: ImportUnitsDto) {
    return this.importer.importDataset(dto.dataset);
  }
}
