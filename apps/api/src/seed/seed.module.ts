import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { ProvincesModule } from '../provinces/provinces.module.js';
import { UnitsModule } from '../units/units.module.js';
import { SeedService } from './seed.service.js';

@Module({
  imports: [UnitsModule, AuthModule, ProvincesModule],
  providers: [SeedService],
  exports: [SeedService],
})
export class SeedModule {}
