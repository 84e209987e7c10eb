import { AppConfig } from '@app/config';
import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { AuthModule } from '../auth/auth.module.js';
import { QueueBoardAccess } from './queue-board-access.service.js';
import { QueueBoardController } from './queue-board.controller.js';

/** Bull Board at /admin/queues (mounted by mountQueueBoard) and the session that opens it. */
@Module({
  imports: [
    AuthModule,
    JwtModule.registerAsync({ inject: [AppConfig], useFactory: (config: AppConfig) => ({ secret: config.JWT_SECRET }) }),
  ],
  controllers: [QueueBoardController],
  providers: [QueueBoardAccess],
  exports: [QueueBoardAccess],
})
export class QueueBoardModule {}
