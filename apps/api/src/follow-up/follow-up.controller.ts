import { DispatchAttachmentUpload } from '@app/common';
import { Role } from '@app/database';
import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query, UploadedFiles, UseInterceptors } from '@nestjs/common';
import { FilesInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../auth/actor.js';
import { Client, type ClientInfo } from '../auth/client-info.decorator.js';
import { CurrentUser, Roles } from '../auth/decorators.js';
import { NewVersionDto, RecallDto, ReminderHistoryQuery, ReminderRuleDto } from './dto/follow-up.dto.js';
import { NewVersionService } from './usecases/new-version.service.js';
import { RecallDispatchService } from './usecases/recall-dispatch.service.js';
import { ReminderRuleService } from './usecases/reminder-rule.service.js';
import { RemindersView } from './views/reminders-view.service.js';
import {
  DispatchRemindersDto,
  DispatchVersionsDto,
  NewVersionResultDto,
  RecallResultDto,
  ReminderRuleInForceDto,
} from './dto/follow-up-responses.dto.js';
import { VersionsView } from './views/versions-view.service.js';

/** Files per new version, and the multer ceiling per file (the service applies MAX_UPLOAD_MB). */
const MAX_VERSION_FILES = 10;
const MULTER_FILE_CEILING = 200 * 1024 * 1024;

@ApiTags('follow-up')
@ApiBearerAuth()
@Controller()
export class FollowUpController {
  constructor(
    private readonly recalls: RecallDispatchService,
    private readonly newVersions: NewVersionService,
    private readonly rules: ReminderRuleService,
    private readonly reminders: RemindersView,
    private readonly versionsView: VersionsView,
  ) {}

  /** Thu hồi: the dispatch and every delivery of it, down the cascade, become recalled (read-only). */
  @Post('dispatches/:id/recall')
  @ApiOkResponse({
    type: RecallResultDto,
    description: 'The recalled dispatch: deliveries recalled, mails cancelled and recall notices queued',
  })
  @HttpCode(200)
  @Roles(Role.Issuer, Role.Leader)
  recall(@CurrentUser() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: RecallDto, @Client() client: ClientInfo) {
    return this.recalls.recall(actor, id, dto.reason, client.ip);
  }

  /** Văn bản thay thế / đính chính: new files (multipart "files") and/or corrected subject or body. */
  @Post('dispatches/:id/versions')
  @ApiCreatedResponse({
    type: NewVersionResultDto,
    description: 'The new version: its number, its files, the units asked to acknowledge again',
  })
  @Roles(Role.Issuer, Role.Leader)
  @ApiConsumes('multipart/form-data', 'application/json')
  @UseInterceptors(FilesInterceptor('files', MAX_VERSION_FILES, { limits: { fileSize: MULTER_FILE_CEILING, files: MAX_VERSION_FILES } }))
  newVersion(
    @CurrentUser() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: NewVersionDto,
    @UploadedFiles() files: DispatchAttachmentUpload[] | undefined,
    @Client() client: ClientInfo,
  ) {
    return this.newVersions.create(actor, id, dto, files ?? [], client.ip);
  }

  /** The versions of the dispatch and how many units acknowledged the current one again. */
  @Get('dispatches/:id/versions')
  @ApiOkResponse({ type: DispatchVersionsDto })
  listVersions(@CurrentUser() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.versionsView.get(actor, id);
  }

  /** The reminder plan of the dispatch and who was reminded, how often and when last. */
  @Get('dispatches/:id/reminders')
  @ApiOkResponse({
    type: DispatchRemindersDto,
    description: 'The reminder rule, the plan on the working-day calendar and the history per unit',
  })
  reminderPlan(@CurrentUser() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Query() query: ReminderHistoryQuery) {
    return this.reminders.get(actor, id, query);
  }

  /** The issuer's own reminder rule for this dispatch (fields left out follow the urgency's policy). */
  @Put('dispatches/:id/reminder-rule')
  @ApiOkResponse({ type: ReminderRuleInForceDto, description: 'The reminder rule now in force for this dispatch' })
  @Roles(Role.Issuer, Role.Leader)
  setRule(@CurrentUser() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ReminderRuleDto, @Client() client: ClientInfo) {
    return this.rules.set(actor, id, dto, client.ip);
  }
}
