import { DispatchVersionsReader } from '@app/rollout';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../../auth/actor.js';
import { DispatchAccess } from '../../access/dispatch-access.service.js';
import type { DispatchVersionsDto } from '../dto/follow-up-responses.dto.js';

/**
 * The versions of a dispatch (văn bản thay thế, đính chính) and the re-acknowledgement progress: of the
 * units that acknowledged an earlier version, how many acknowledged the current one again.
 */
@Injectable()
export class VersionsView {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: DispatchAccess,
    private readonly reader: DispatchVersionsReader,
  ) {}

  async get(actor: Actor, dispatchId: string): Promise<DispatchVersionsDto> {
    const { dispatch } = await this.access.requireManageable(actor, dispatchId);
    const [versions, reacknowledgement] = await Promise.all([
      this.reader.versions(this.db, dispatchId),
      this.reader.reacknowledgement(this.db, dispatchId),
    ]);
    return { version: dispatch.version, versions, reacknowledgement };
  }
}
