import { Role } from '@app/database';
import { Body, Controller, HttpCode, Post, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiConsumes, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../auth/actor.js';
import { CurrentUser, Roles } from '../../auth/decorators.js';
import { OnboardProvinceDto } from './onboard-province.dto.js';
import { OnboardProvinceRequests } from './onboard-province.requests.js';
import { OnboardSummaryDto } from './onboard-summary.dto.js';

@ApiTags('provinces')
@ApiBearerAuth()
@Controller('admin/provinces/onboard')
export class OnboardProvinceController {
  constructor(private readonly requests: OnboardProvinceRequests) {}

  /** From a shipped list (`dataset`, JSON) or an uploaded GSO CSV (`file`, multipart). */
  @ApiOkResponse({ type: OnboardSummaryDto })
  @Post()
  @HttpCode(200)
  @Roles(Role.Admin)
  @ApiConsumes('application/json', 'multipart/form-data')
  @UseInterceptors(FileInterceptor('file'))
  onboard(
    @CurrentUser() actor: Actor,
    @Body() dto: OnboardProvinceDto,
    @UploadedFile() file: { buffer: Buffer } | undefined,
  ): Promise<OnboardSummaryDto> {
    return this.requests.onboard(actor, dto, file?.buffer);
  }
}
