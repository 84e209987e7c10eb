import { AckLinkSigner, Clock, FileStore } from '@app/common';
import { AppConfig } from '@app/config';
import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { memoryStorage } from 'multer';
import { RolloutModule } from '@app/rollout';
import { DispatchesController } from './dispatches.controller.js';
import { MailEnqueueListener } from './mail-enqueue.listener.js';
import { RecipientResolver } from './recipients/recipient-resolver.js';
import { DispatchAttachmentsService } from './usecases/dispatch-attachments.service.js';
import { DispatchDraftsService } from './usecases/dispatch-drafts.service.js';
import { DispatchRecipientsService } from './usecases/dispatch-recipients.service.js';
import { PublishDispatchService } from './usecases/publish-dispatch.service.js';
import { RecipientUnitsService } from './recipients/recipient-units.service.js';
import { ParseDispatchTextService } from './usecases/parse-dispatch-text.service.js';
import { CloseDispatchService } from './usecases/close-dispatch.service.js';
import { DispatchViewsService } from './views/dispatch-views.service.js';

@Module({
  imports: [
    RolloutModule,
    MulterModule.registerAsync({
      inject: [AppConfig],
      // One file per request, held in memory up to the configured limit, then checked by content.
      useFactory: (config: AppConfig) => ({ storage: memoryStorage(), limits: { fileSize: config.maxUploadBytes, files: 1 } }),
    }),
  ],
  controllers: [DispatchesController],
  providers: [
    AckLinkSigner,
    Clock,
    FileStore,
    RecipientResolver,
    DispatchDraftsService,
    DispatchViewsService,
    DispatchRecipientsService,
    DispatchAttachmentsService,
    PublishDispatchService,
    CloseDispatchService,
    ParseDispatchTextService,
    RecipientUnitsService,
    MailEnqueueListener,
  ],
  exports: [RecipientResolver, DispatchAttachmentsService, DispatchDraftsService, AckLinkSigner, FileStore],
})
export class DispatchesModule {}
