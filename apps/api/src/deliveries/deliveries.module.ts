import { Module } from '@nestjs/common';
import { DispatchesModule } from '../dispatches/dispatches.module.js';
import { DeliveryAccess } from './delivery-access.service.js';

@Module({
  imports: [DispatchesModule],
  controllers: [],
  providers: [DeliveryAccess],
  exports: [DeliveryAccess],
})
export class DeliveriesModule {}
