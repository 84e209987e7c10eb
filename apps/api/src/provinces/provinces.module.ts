import { Module } from '@nestjs/common';
import { UnitsModule } from '../units/units.module.js';
import { OnboardProvinceController } from './onboarding/onboard-province.controller.js';
import { OnboardProvinceRequests } from './onboarding/onboard-province.requests.js';
import { OnboardProvinceService } from './onboarding/onboard-province.service.js';

/** Bringing a province into the product: its areas and acting bodies, from a GSO list. */
@Module({
  imports: [UnitsModule],
  controllers: [OnboardProvinceController],
  providers: [OnboardProvinceService, OnboardProvinceRequests],
  exports: [OnboardProvinceService],
})
export class ProvincesModule {}
