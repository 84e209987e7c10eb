import { fail } from '@app/common';
import { Role } from '@app/database';
import { LinkSignupRepository } from '@app/rollout';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, QueryFailedError } from 'typeorm';
import { AckLinkVerifier } from '../../access/ack-link-verifier.js';
import { DeliveryAccess } from '../../access/delivery-access.service.js';
import { linkActor } from '../../access/link-actor.js';
import { LinkSignupPolicy } from '../../access/link-signup-policy.js';
import { requireAvailable } from '../../access/link-signup-rules.js';
import { auditActor, AuditService } from '../../audit/audit.service.js';
import type { ClientInfo } from '../../auth/client-info.decorator.js';
import { PasswordPolicy } from '../../auth/password-policy.js';
import { PasswordService } from '../../auth/password.service.js';
import { LinkSignupLimiter } from './link-signup-limiter.js';
import type { CreateLinkAccountDto, LinkAccountDto } from './link-account.dto.js';

/**
 * "Tạo tài khoản cho đơn vị" from the signed link of one delivery, with no login: an officer account on
 * that delivery's unit, where an admin allowed it (link-signup-rules.ts says when). The link's signature,
 * expiry and stored hash are checked first; the refusals that cost nothing come before the password hash;
 * then, under a lock on the unit's row, the rule is read again and the account and its audit event are
 * written together, so concurrent submissions give one account and the others a 409.
 */
@Injectable()
export class CreateAccountByLinkService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly links: AckLinkVerifier,
    private readonly deliveries: DeliveryAccess,
    private readonly signup: LinkSignupPolicy,
    private readonly limiter: LinkSignupLimiter,
    private readonly passwords: PasswordService,
    private readonly passwordPolicy: PasswordPolicy,
    private readonly audit: AuditService,
    private readonly accounts: LinkSignupRepository,
  ) {}

  async create(token: string, dto: CreateLinkAccountDto, client: ClientInfo): Promise<LinkAccountDto> {
    const { deliveryId, dispatchId } = await this.links.verify(token);
    await this.limiter.attempt(deliveryId, client.ip ?? 'unknown');
    const unit = await this.deliveries.load(deliveryId);
    requireAvailable(await this.signup.state(unit.unitId));
    if (await this.accounts.emailTaken(this.db, dto.email)) throw fail('ACCOUNT_EMAIL_TAKEN', { email: dto.email });
    this.passwordPolicy.require(dto.password, [dto.email, dto.fullName]);
    const passwordHash = await this.passwords.hash(dto.password);
    const account = { email: dto.email, fullName: dto.fullName, role: Role.Officer, unitId: unit.unitId };
    try {
      const id = await this.db.transaction(async (em) => {
        requireAvailable(await this.signup.state(unit.unitId, em, true));
        const id = await this.accounts.createAccount(em, { ...account, passwordHash });
        await this.audit.record(em, auditActor(linkActor(unit, client), client.ip), {
          action: 'user.created_by_link',
          entityType: 'user',
          entityId: id,
          dispatchId,
          after: { ...account, deliveryId },
        });
        return id;
      });
      return { id, ...account, unitName: unit.unitName };
    } catch (e) {
      // The same e-mail submitted at once for two units: the unique index lets one through.
      if (isUniqueViolation(e)) throw fail('ACCOUNT_EMAIL_TAKEN', { email: dto.email });
      throw e;
    }
  }
}

const isUniqueViolation = (e: unknown) =>
  e instanceof QueryFailedError && (e.driverError as { code?: string } | undefined)?.code === '23505';
