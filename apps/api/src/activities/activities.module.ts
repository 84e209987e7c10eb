import { Clock, FileStore } from '@app/common';
import { RolloutModule } from '@app/rollout';
import { AppConfig } from '@app/config';
import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { memoryStorage } from 'multer';
import { LinkActivitiesController } from './link/link-activities.controller.js';
import { LinkActivitiesService } from './link/link-activities.service.js';
import { ActivitiesController } from './activities.controller.js';
import { ActivityAccess } from './activity-access.js';
import { UploadTooLargeInterceptor } from './upload-too-large.interceptor.js';
import { ActivityEvidenceService } from './usecases/activity-evidence.service.js';
import { CorrectActivityService } from './usecases/correct-activity.service.js';
import { ReportActivityService } from './usecases/report-activity.service.js';
import { WithdrawActivityService } from './usecases/withdraw-activity.service.js';
import { ActivityViews } from './views/activity-views.service.js';

/**
 * Activities (hoạt động tuyên truyền) reported against deliveries, with evidence, anomaly flags,
 * correction history and withdrawal. Exports ActivityViews for the delivery detail view.
 * DeliveryAccess comes from the global AccessModule, so this module needs nothing of DeliveriesModule.
 */
@Module({
  imports: [
    RolloutModule,
    MulterModule.registerAsync({
      inject: [AppConfig],
      // One file per request, held in memory up to the configured limit, then checked by content.
      useFactory: (config: AppConfig) => ({ storage: memoryStorage(), limits: { fileSize: config.maxUploadBytes, files: 1 } }),
    }),
  ],
  controllers: [ActivitiesController, LinkActivitiesController],
  providers: [
    Clock,
    FileStore,
    ActivityAccess,
    ActivityViews,
    ReportActivityService,
    CorrectActivityService,
    WithdrawActivityService,
    ActivityEvidenceService,
    UploadTooLargeInterceptor,
    // The e-mail link's own reporting; the link is checked by AckLinkVerifier (global AccessModule).
    LinkActivitiesService,
  ],
  exports: [ActivityViews],
})
export class ActivitiesModule {}
