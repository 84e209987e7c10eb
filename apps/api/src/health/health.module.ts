import { HealthProbesModule } from '@app/observability';
import { ReportsDataModule } from '@app/reports';
import { Module } from '@nestjs/common';
import { HealthController } from './health.controller.js';
import { HealthService } from './health.service.js';

@Module({ imports: [HealthProbesModule, ReportsDataModule], controllers: [HealthController], providers: [HealthService] })
export class HealthModule {}
