import { AppConfig } from '@app/config';
import { Role, Unit, UnitLevel, UnitType, User } from '@app/database';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, Not } from 'typeorm';
import { DEMO_PASSWORD } from '../auth/demo-password.js';
import { PasswordPolicy } from '../auth/password-policy.js';
import { PasswordService } from '../auth/password.service.js';
import { UnitImportService } from '../units/import/unit-import.service.js';
import { UnitTreeWriter, UpsertSummary } from '../units/unit-tree.writer.js';
import { OnboardProvinceService, OnboardSummary } from '../provinces/onboarding/onboard-province.service.js';
import { AreaRef, NAM_DINH_AREA, namDinhBodies } from './nam-dinh-bodies.js';

/** The root unit of installation admins. */
export const SYSTEM_UNIT = 'HE-THONG';

export interface DemoLogin {
  role: Role;
  email: string;
  password: string;
  unit: string;
}

/** Demo accounts of the local start; never created in production. */
const DEMO_ACCOUNTS: { role: Role; email: string; fullName: string; unitCode: string }[] = [
  { role: Role.Admin, email: 'admin@demo.local', fullName: 'Quản trị hệ thống', unitCode: SYSTEM_UNIT },
  // Nam Định, 2023: the historical rollout of 5207/CAT-PA05.
  { role: Role.Issuer, email: 'pa05@demo.local', fullName: 'Cán bộ PA05', unitCode: 'CA-36-PA05' },
  { role: Role.Leader, email: 'giamdoc@demo.local', fullName: 'Giám đốc Công an tỉnh', unitCode: 'CA-36' },
  { role: Role.Officer, email: 'haihau@demo.local', fullName: 'Văn thư UBND huyện Hải Hậu', unitCode: 'UBND-366' },
];

/** Ninh Bình since 1 July 2025 (two levels), once onboarded. */
const NINH_BINH_ACCOUNTS: { role: Role; email: string; fullName: string; unitCode: string }[] = [
  { role: Role.Issuer, email: 'pa05.ninhbinh@demo.local', fullName: 'Cán bộ PA05 Công an tỉnh Ninh Bình', unitCode: 'CA-37-PA05' },
  { role: Role.Leader, email: 'giamdoc.ninhbinh@demo.local', fullName: 'Giám đốc Công an tỉnh Ninh Bình', unitCode: 'CA-37' },
  { role: Role.Officer, email: 'phuongnamdinh@demo.local', fullName: 'Văn thư UBND phường Nam Định', unitCode: 'UBND-13669' },
  { role: Role.Officer, email: 'ca.phuongnamdinh@demo.local', fullName: 'Công an phường Nam Định', unitCode: 'CA-13669' },
];
export { DEMO_PASSWORD };
export const NINH_BINH_AREA = '37';

@Injectable()
export class SeedService {
  private readonly logger = new Logger(SeedService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly importer: UnitImportService,
    private readonly writer: UnitTreeWriter,
    private readonly passwords: PasswordService,
    private readonly policy: PasswordPolicy,
    private readonly config: AppConfig,
    private readonly onboarding: OnboardProvinceService,
  ) {}

  /**
   * Nam Định as of the seed dispatch (vintage 2024-05-01) and the bodies that act there. Once
   * Ninh Bình has absorbed it (retired), it is history and is left as it is.
   */
  async seedNamDinh(): Promise<{ areas: UpsertSummary; bodies: UpsertSummary } | null> {
    const retired = await this.db.getRepository(Unit).existsBy({ code: NAM_DINH_AREA, type: UnitType.Area, retiredOn: Not(IsNull()) });
    if (retired) return null;
    const areas = await this.importer.importDataset('nam-dinh-2024-05-01');
    const bodies = await this.db.transaction(async (em) => {
      const rows: AreaRef[] = await em.query(
        `SELECT code, name, level, (SELECT p.code FROM units p WHERE p.id = u.parent_id) AS "parentCode"
           FROM units u
          WHERE u.type = $1 AND u.path LIKE (SELECT path FROM units WHERE code = $2) || '%'
          ORDER BY u.path`,
        [UnitType.Area, NAM_DINH_AREA],
      );
      return this.writer.upsert(em, namDinhBodies(rows));
    });
    this.logger.log(`Nam Dinh seed: ${areas.created} new areas, ${bodies.created} new bodies`);
    return { areas, bodies };
  }

  /**
   * Today's Ninh Bình (2025-07-01, two levels, 129 communes), onboarded with demo e-mail addresses:
   * this retires Nam Định's 2023 structure (kept, with its dispatches) and links it to its successors.
   */
  async seedNinhBinh(): Promise<OnboardSummary> {
    return this.onboarding.onboard({ dataset: 'vn-2025-07-01', provinceCode: NINH_BINH_AREA, emailDomain: 'ninhbinh.example' });
  }

  async ensureDemoAccounts(options: { ninhBinh?: boolean } = {}): Promise<DemoLogin[]> {
    if (this.config.isProduction) throw new Error('Demo accounts are never created in production');
    await this.systemUnit();
    const hash = await this.passwords.hash(DEMO_PASSWORD);
    const logins: DemoLogin[] = [];
    for (const account of [...DEMO_ACCOUNTS, ...(options.ninhBinh ? NINH_BINH_ACCOUNTS : [])]) {
      // The unit in force with that code (or, once retired, the last one that had it).
      const unit = await this.db
        .getRepository(Unit)
        .findOneOrFail({ where: { code: account.unitCode }, order: { retiredOn: { direction: 'DESC', nulls: 'FIRST' } } });
      await this.db
        .createQueryBuilder()
        .insert()
        .into(User)
        .values({ email: account.email, fullName: account.fullName, role: account.role, unitId: unit.id, passwordHash: hash })
        .orIgnore()
        .execute();
      logins.push({ role: account.role, email: account.email, password: DEMO_PASSWORD, unit: unit.name });
    }
    return logins;
  }

  /** Installation admins hang on a root "system" unit that serves no area (global scope). */
  async systemUnit(): Promise<Unit> {
    await this.db.transaction((em) =>
      this.writer.upsert(em, [
        { code: SYSTEM_UNIT, name: 'Quản trị hệ thống', type: UnitType.Other, level: UnitLevel.Province, parentCode: null },
      ]),
    );
    return this.db.getRepository(Unit).findOneByOrFail({ code: SYSTEM_UNIT, retiredOn: IsNull() });
  }

  /** The first admin, from ADMIN_EMAIL / ADMIN_PASSWORD or the CLI; attached to the given unit. */
  async ensureAdmin(email: string, password: string, unitCode?: string): Promise<void> {
    const unit = unitCode ? await this.db.getRepository(Unit).findOneBy({ code: unitCode, retiredOn: IsNull() }) : await this.systemUnit();
    if (!unit) throw new Error(`Không có đơn vị mã ${unitCode}: hãy nhập hoặc tạo đơn vị trước.`);
    const weak = this.policy.refusal(password, [email]);
    if (weak) throw new Error(weak);
    await this.db
      .createQueryBuilder()
      .insert()
      .into(User)
      .values({
        email: email.toLowerCase(),
        fullName: 'Quản trị hệ thống',
        role: Role.Admin,
        unitId: unit.id,
        passwordHash: await this.passwords.hash(password),
      })
      .orUpdate(['password_hash', 'role'], ['email'])
      .execute();
    // A reset password ends the sessions opened with the old one.
    await this.db.query(`UPDATE users SET token_version = token_version + 1 WHERE email = $1`, [email.toLowerCase()]);
  }
}
