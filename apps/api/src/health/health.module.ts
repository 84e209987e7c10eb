import { HealthProbesModule } from '@app/observability';
import { Module } from '@nestjs/common';
import { HealthController } from './health.controller.js';
import { HealthService } from './health.service.js';

@Module({ imports: [HealthProbesModule], controllers: [HealthController], providers: [HealthService] })
export class HealthModule {}
