import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccessService } from '../../access/access.service.js';
import { LinkSignupPolicy, type LinkSignupView } from '../../access/link-signup-policy.js';
import { flagOf, settingOf } from '../../access/link-signup-rules.js';
import { auditActor, AuditService } from '../../audit/audit.service.js';
import type { Actor } from '../../auth/actor.js';
import type { SetLinkSignupDto } from './link-signup-setting.dto.js';

/**
 * An admin allows (or refuses) the units of a branch to create their first account from the link in
 * their e-mail. The flag sits on one unit and covers the units below it that say nothing themselves.
 */
@Injectable()
export class LinkSignupSettingService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly policy: LinkSignupPolicy,
    private readonly audit: AuditService,
  ) {}

  async get(actor: Actor, unitId: string): Promise<LinkSignupView> {
    await this.access.requireUnit(actor, unitId);
    return this.policy.view(unitId);
  }

  async set(actor: Actor, unitId: string, dto: SetLinkSignupDto, ip: string | null): Promise<LinkSignupView> {
    await this.access.requireUnit(actor, unitId);
    return this.db.transaction(async (em) => {
      const [row]: { flag: boolean | null }[] = await em.query(`SELECT link_signup AS flag FROM units WHERE id = $1 FOR UPDATE`, [unitId]);
      const before = settingOf(row.flag);
      if (before !== dto.setting) {
        await em.query(`UPDATE units SET link_signup = $2, updated_at = now() WHERE id = $1`, [unitId, flagOf(dto.setting)]);
        await this.audit.record(em, auditActor(actor, ip), {
          action: 'unit.link_signup_changed',
          entityType: 'unit',
          entityId: unitId,
          before: { linkSignup: before },
          after: { linkSignup: dto.setting },
        });
      }
      return this.policy.view(unitId, em);
    });
  }
}
