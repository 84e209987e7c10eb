import { RolloutModule } from '@app/rollout';
import { Clock } from '@app/common';
import { Module } from '@nestjs/common';
import { ActivitiesModule } from '../activities/activities.module.js';
import { DispatchesModule } from '../dispatches/dispatches.module.js';
import { AckLinkPages } from './ack-link/ack-link-pages.service.js';
import { AckLinkService } from './ack-link/ack-link.service.js';
import { AckLinkWorkspace } from './ack-link/ack-link-workspace.service.js';
import { AckLinksController } from './ack-link/ack-links.controller.js';
import { DeliveriesController } from './deliveries.controller.js';
import { DispatchRolloutController } from './dispatch-rollout.controller.js';
import { AcknowledgeDeliveryService } from './usecases/acknowledge-delivery.service.js';
import { RemindDeliveryService } from './usecases/remind-delivery.service.js';
import { CompleteDeliveryService } from './usecases/complete-delivery.service.js';
import { ForwardDeliveryService } from './usecases/forward-delivery.service.js';
import { ReaddressDeliveryService } from './usecases/readdress-delivery.service.js';
import { RefuseDeliveryService } from './usecases/refuse-delivery.service.js';
import { DeliveryViewsService } from './views/delivery-views.service.js';

@Module({
  imports: [RolloutModule, DispatchesModule, ActivitiesModule],
  controllers: [DeliveriesController, DispatchRolloutController, AckLinksController],
  providers: [
    Clock,
    DeliveryViewsService,
    AcknowledgeDeliveryService,
    RefuseDeliveryService,
    ForwardDeliveryService,
    ReaddressDeliveryService,
    CompleteDeliveryService,
    RemindDeliveryService,
    AckLinkService,
    AckLinkPages,
    AckLinkWorkspace,
  ],
})
export class DeliveriesModule {}
