import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { UnitsModule } from '../units/units.module.js';
import { SeedService } from './seed.service.js';

@Module({
  imports: [UnitsModule, AuthModule],
  providers: [SeedService],
  exports: [SeedService],
})
export class SeedModule {}
