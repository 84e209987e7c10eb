import { AppConfig, AppConfigModule } from '@app/config';
import { DatabaseModule } from '@app/database';
import { MetricsModule } from '@app/observability';
import { DynamicModule, Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module.js';
import { AuditModule } from '../audit/audit.module.js';
import { ProvincesModule } from '../provinces/provinces.module.js';
import { SeedModule } from '../seed/seed.module.js';
import { UnitsModule } from '../units/units.module.js';

/** What the command-line tools need: the database, the unit services and the audit trail they write; no HTTP, no queues. */
@Module({})
export class CliModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: CliModule,
      imports: [
        AppConfigModule.forRoot(config),
        // The audit trail counts its events; nothing scrapes a command's counters.
        MetricsModule.forRoot('cli'),
        DatabaseModule,
        AuditModule,
        AccessModule,
        UnitsModule,
        SeedModule,
        ProvincesModule,
      ],
    };
  }
}
