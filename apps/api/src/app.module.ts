import { AppConfig, AppConfigModule } from '@app/config';
import { DatabaseModule } from '@app/database';
import { QueueModule } from '@app/queue';
import { loggerParams, MetricsModule, RequestIdMiddleware } from '@app/observability';
import { DynamicModule, MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { EventEmitterModule } from '@nestjs/event-emitter';
import { LoggerModule } from 'nestjs-pino';
import { AccessModule } from './access/access.module.js';
import { ActivitiesModule } from './activities/activities.module.js';
import { AuditModule } from './audit/audit.module.js';
import { AuditTrailModule } from './audit/audit-trail.module.js';
import { AuthModule } from './auth/auth.module.js';
import { CalendarModule } from './calendar/calendar.module.js';
import { FollowUpModule } from './follow-up/follow-up.module.js';
import { DeliveriesModule } from './deliveries/deliveries.module.js';
import { DispatchesModule } from './dispatches/dispatches.module.js';
import { HealthModule } from './health/health.module.js';
import { ProvincesModule } from './provinces/provinces.module.js';
import { ApiMetricsModule } from './metrics/metrics.module.js';
import { HttpMetricsMiddleware } from './metrics/http-metrics.middleware.js';
import { QueueBoardModule } from './queue-board/queue-board.module.js';
import { ReportsModule } from './reports/reports.module.js';
import { UnitsModule } from './units/units.module.js';
import { UsersModule } from './users/users.module.js';

@Module({})
export class AppModule implements NestModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        AppConfigModule.forRoot(config),
        LoggerModule.forRoot(loggerParams(config, 'api')),
        MetricsModule.forRoot('api'),
        DatabaseModule,
        QueueModule.forRoot(),
        EventEmitterModule.forRoot(),
        AccessModule,
        AuthModule,
        UnitsModule,
        UsersModule,
        HealthModule,
        ApiMetricsModule,
        QueueBoardModule,
        DispatchesModule,
        AuditModule,
        AuditTrailModule,
        DeliveriesModule,
        ReportsModule,
        ActivitiesModule,
        CalendarModule,
        FollowUpModule,
        ProvincesModule,
      ],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(RequestIdMiddleware, HttpMetricsMiddleware).forRoutes('{*path}');
  }
}
