import { Module } from '@nestjs/common';
import { AuditReader } from './audit-reader.service.js';
import { AuditController } from './audit.controller.js';

/**
 * Reading the audit trail (GET /audit). Writing it is AuditService, in the global AuditModule.
 * Dispatch scope comes from the global AccessModule (DispatchAccess), so audit imports no feature folder.
 */
@Module({
  controllers: [AuditController],
  providers: [AuditReader],
})
export class AuditTrailModule {}
