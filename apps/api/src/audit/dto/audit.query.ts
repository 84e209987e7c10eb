import { PageQuery } from '@app/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID, Matches } from 'class-validator';

export const AUDIT_ENTITY_TYPES = ['delivery', 'activity', 'dispatch', 'unit', 'user', 'import', 'calendar'] as const;

export class AuditQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Events of this dispatch and its deliveries' })
  @IsOptional()
  @IsUUID('all', { message: 'dispatchId phải là UUID' })
  dispatchId?: string;

  @ApiPropertyOptional({ description: 'Events of one entity (a user, unit, dispatch, delivery or activity)' })
  @IsOptional()
  @IsUUID('all', { message: 'entityId phải là UUID' })
  entityId?: string;

  @ApiPropertyOptional({ enum: AUDIT_ENTITY_TYPES })
  @IsOptional()
  @IsIn(AUDIT_ENTITY_TYPES, { message: `entityType phải là một trong: ${AUDIT_ENTITY_TYPES.join(', ')}` })
  entityType?: (typeof AUDIT_ENTITY_TYPES)[number];

  @ApiPropertyOptional({ description: 'Events done by this user' })
  @IsOptional()
  @IsUUID('all', { message: 'actorUserId phải là UUID' })
  actorUserId?: string;

  @ApiPropertyOptional({ description: 'One action, e.g. user.role_changed' })
  @IsOptional()
  @Matches(/^[a-z_]{1,30}\.[a-z_]{1,40}$/, { message: 'action có dạng <đối tượng>.<hành động>, ví dụ user.role_changed' })
  action?: string;
}
