import { Controller, Get, Headers, Param, StreamableFile, ParseUUIDPipe, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../../auth/decorators.js';
import { attachmentDownload } from '../attachment-download.js';
import { DispatchAttachmentsService } from '../usecases/dispatch-attachments.service.js';
import { AckLinkService } from './ack-link.service.js';
import { renderAckPage } from './ack-page.js';

/** The signed link in each e-mail: opens the dispatch for the recipient unit without a login. */
@ApiTags('ack-links')
@Controller('ack-links')
export class AckLinksController {
  constructor(
    private readonly links: AckLinkService,
    private readonly attachments: DispatchAttachmentsService,
  ) {}

  @Public()
  @Get(':token')
  async open(@Param('token') token: string, @Headers('accept') accept: string | undefined, @Res({ passthrough: true }) res: Response) {
    const view = await this.links.open(token);
    if (accept?.includes('text/html')) {
      res.type('html');
      return renderAckPage(view, token);
    }
    return view;
  }

  @Public()
  @Get(':token/attachments/:attachmentId')
  async attachment(@Param('token') token: string, @Param('attachmentId', ParseUUIDPipe) attachmentId: string): Promise<StreamableFile> {
    const { dispatchId } = await this.links.verify(token);
    return attachmentDownload(await this.attachments.openUnchecked(dispatchId, attachmentId));
  }
}
