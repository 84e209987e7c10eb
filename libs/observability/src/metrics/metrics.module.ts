import { DynamicModule, Module } from '@nestjs/common';
import { MetricsRegistry, type ServiceName } from './metrics.registry.js';

/** One MetricsRegistry per application, available everywhere in it. */
@Module({})
export class MetricsModule {
  static forRoot(service: ServiceName): DynamicModule {
    return {
      module: MetricsModule,
      global: true,
      providers: [{ provide: MetricsRegistry, useFactory: () => new MetricsRegistry(service) }],
      exports: [MetricsRegistry],
    };
  }
}
