import { ApiProperty } from '@nestjs/swagger';

const STATE = {
  type: 'object' as const,
  additionalProperties: true,
  nullable: true,
  description: 'The fields the action changed, as the action wrote them (differs per action)',
};

/** One event of the audit trail (audit_events), as GET /audit lists it. */
export class AuditEventDto {
  @ApiProperty({ description: 'Increasing with time (a bigint, as text)', example: '1042' }) id!: string;
  @ApiProperty() occurredAt!: Date;
  @ApiProperty({ type: String, nullable: true, description: 'None for the system and the e-mail links' }) actorUserId!: string | null;
  @ApiProperty({ type: String, nullable: true }) actorName!: string | null;
  @ApiProperty({ type: String, nullable: true }) actorUnitId!: string | null;
  @ApiProperty({ example: 'delivery.acknowledged' }) action!: string;
  @ApiProperty({ example: 'delivery' }) entityType!: string;
  @ApiProperty() entityId!: string;
  @ApiProperty({ type: String, nullable: true }) dispatchId!: string | null;
  @ApiProperty(STATE) before!: Record<string, unknown> | null;
  @ApiProperty(STATE) after!: Record<string, unknown> | null;
  @ApiProperty({ type: String, nullable: true }) ip!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'X-Request-Id of the request or job that wrote it' }) requestId!: string | null;
}
