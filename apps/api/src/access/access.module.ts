import { Unit } from '@app/database';
import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccessService } from './access.service.js';

@Global()
@Module({
  imports: [TypeOrmModule.forFeature([Unit])],
  providers: [AccessService],
  exports: [AccessService],
})
export class AccessModule {}
