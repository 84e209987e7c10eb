import { AppConfig, AppConfigModule } from '@app/config';
import { DatabaseModule } from '@app/database';
import { DynamicModule, Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module.js';
import { ProvincesModule } from '../provinces/provinces.module.js';
import { SeedModule } from '../seed/seed.module.js';
import { UnitsModule } from '../units/units.module.js';

/** What the command-line tools need: the database and the unit services, no HTTP, no queues. */
@Module({})
export class CliModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: CliModule,
      imports: [AppConfigModule.forRoot(config), DatabaseModule, AccessModule, UnitsModule, SeedModule, ProvincesModule],
    };
  }
}
