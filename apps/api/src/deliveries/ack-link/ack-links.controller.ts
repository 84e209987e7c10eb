import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post, Res, StreamableFile } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Client, type ClientInfo } from '../../auth/client-info.decorator.js';
import { Public } from '../../auth/decorators.js';
import { attachmentDownload } from '../../dispatches/attachment-download.js';
import { DispatchAttachmentsService } from '../../dispatches/usecases/dispatch-attachments.service.js';
import { ForwardDto, LinkAcknowledgeDto, RefuseDto } from '../dto/delivery-actions.dto.js';
import { AckLinkWorkspace } from './ack-link-workspace.service.js';
import { AckLinkPages } from './ack-link-pages.service.js';
import { ApiFileResponse } from '../../openapi/api-responses.js';
import { AcknowledgementDto, AckLinkViewDto, AckLinkWorkspaceDto, ForwardResultDto, RefusalDto } from '../dto/delivery-responses.dto.js';

/** The signed link in each e-mail: opens, confirms or refuses a delivery without a login. */
@ApiTags('ack-links')
@Public()
@Controller('ack-links/:token')
export class AckLinksController {
  constructor(
    private readonly pages: AckLinkPages,
    private readonly attachments: DispatchAttachmentsService,
    private readonly workspace: AckLinkWorkspace,
  ) {}

  /** Everything the link's web page shows (opening it records 01 like the e-mail page does). */
  @ApiOkResponse({ type: AckLinkWorkspaceDto })
  @Get('workspace')
  view(@Param('token') token: string) {
    return this.workspace.view(token);
  }

  /** "Chuyển tiếp" through the link: to the units below the commune (its commune police), as its officer would. */
  @ApiCreatedResponse({ type: ForwardResultDto })
  @Post('forward')
  forward(@Param('token') token: string, @Body() dto: ForwardDto, @Client() client: ClientInfo) {
    return this.workspace.forward(token, dto, client);
  }

  @ApiOkResponse({ type: AckLinkViewDto, description: 'JSON, or the HTML page when the browser asks for text/html' })
  @Get()
  open(@Param('token') token: string, @Headers('accept') accept: string | undefined, @Res({ passthrough: true }) res: Response) {
    return this.pages.open(token, wantsHtml(accept, res));
  }

  @ApiOkResponse({ type: AcknowledgementDto, description: 'JSON, or the HTML page when the browser asks for text/html' })
  @Post('acknowledge')
  @HttpCode(200)
  acknowledge(
    @Param('token') token: string,
    @Body() dto: LinkAcknowledgeDto,
    @Client() client: ClientInfo,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.pages.acknowledge(token, dto.name, client, wantsHtml(accept, res));
  }

  @ApiOkResponse({ type: RefusalDto, description: 'JSON, or the HTML page when the browser asks for text/html' })
  @Post('refuse')
  @HttpCode(200)
  refuse(
    @Param('token') token: string,
    @Body() dto: RefuseDto,
    @Client() client: ClientInfo,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.pages.refuse(token, dto, client, wantsHtml(accept, res));
  }

  @ApiFileResponse('Tệp')
  @Get('attachments/:attachmentId')
  async attachment(@Param('token') token: string, @Param('attachmentId', ParseUUIDPipe) attachmentId: string): Promise<StreamableFile> {
    return attachmentDownload(await this.pages.attachment(token, attachmentId, this.attachments));
  }
}

/** Browsers get the page; API clients get JSON. */
function wantsHtml(accept: string | undefined, res: Response): boolean {
  const html = accept?.includes('text/html') ?? false;
  if (html) res.type('html');
  return html;
}
