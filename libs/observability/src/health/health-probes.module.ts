import { ReportsDataModule } from '@app/reports';
import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { Readiness } from './readiness.js';

/** Liveness and readiness checks shared by the api (/api/health/*) and the worker (its own port). */
@Module({
  imports: [TerminusModule.forRoot({ errorLogStyle: 'json' }), ReportsDataModule],
  providers: [Readiness],
  exports: [Readiness],
})
export class HealthProbesModule {}
