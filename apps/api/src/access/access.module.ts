import { Unit } from '@app/database';
import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RolloutModule } from '@app/rollout';
import { AccessService } from './access.service.js';
import { AckLinkVerifier } from './ack-link-verifier.js';
import { DeliveryAccess } from './delivery-access.service.js';
import { DispatchAccess } from './dispatch-access.service.js';
import { LinkSignupPolicy } from './link-signup-policy.js';

@Global()
@Module({
  imports: [TypeOrmModule.forFeature([Unit]), RolloutModule],
  providers: [AccessService, DeliveryAccess, DispatchAccess, AckLinkVerifier, LinkSignupPolicy],
  exports: [AccessService, DeliveryAccess, DispatchAccess, AckLinkVerifier, LinkSignupPolicy],
})
export class AccessModule {}
