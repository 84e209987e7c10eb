import { AckLinkSigner } from '@app/common';
import { Delivery, Role, Unit, User } from '@app/database';
import { randomBytes } from 'node:crypto';
import { PasswordService } from '../../apps/api/src/auth/password.service.js';
import { SeedService, SYSTEM_UNIT } from '../../apps/api/src/seed/seed.service.js';
import type { TestApp } from './test-app.js';

export const TEST_PASSWORD = 'correct-horse-battery-staple';

export async function seedNamDinh(t: TestApp) {
  return t.app.get(SeedService).seedNamDinh();
}

/** The unit in force with this code; once retired (a merged commune shares its code), the last one that had it. */
export async function unitByCode(t: TestApp, code: string): Promise<Unit> {
  return t.db.getRepository(Unit).findOneOrFail({ where: { code }, order: { retiredOn: { direction: 'DESC', nulls: 'FIRST' } } });
}

export interface SignedIn {
  user: User;
  token: string;
  auth: { Authorization: string };
}

/** A user of the given role in the unit with this code, signed in through the real login route. */
export async function signIn(t: TestApp, role: Role, unitCode: string): Promise<SignedIn> {
  if (unitCode === SYSTEM_UNIT) await t.app.get(SeedService).systemUnit();
  const unit = await unitByCode(t, unitCode);
  const email = `${role}.${unitCode.toLowerCase()}.${randomBytes(3).toString('hex')}@test.local`;
  const passwordHash = await t.app.get(PasswordService).hash(TEST_PASSWORD);
  const user = await t.db.getRepository(User).save({ email, fullName: `Cán bộ ${unit.name}`, role, unitId: unit.id, passwordHash });
  const res = await t.http().post('/api/v1/auth/login').send({ email, password: TEST_PASSWORD }).expect(200);
  const token = res.body.accessToken as string;
  return { user, token, auth: { Authorization: `Bearer ${token}` } };
}

/**
 * The token of a delivery's signed link, as the worker writes it into the e-mail (the nonce is not
 * selected by default). With `expiresAt`, the same link expiring then: a signature that is valid, a hash
 * the delivery does not hold (so the api answers 410 for it whether or not it has expired).
 */
export async function linkTokenFor(t: TestApp, deliveryId: string, expiresAt?: Date): Promise<string> {
  const d = await t.db
    .getRepository(Delivery)
    .createQueryBuilder('d')
    .addSelect('d.linkNonce')
    .where('d.id = :id', { id: deliveryId })
    .getOneOrFail();
  return t.app.get(AckLinkSigner).token(d.id, expiresAt ?? d.linkExpiresAt, d.linkNonce);
}
