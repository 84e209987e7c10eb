import { AppConfig } from '@app/config';
import { Role, Unit, UnitLevel, UnitType, User } from '@app/database';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PasswordService } from '../auth/password.service.js';
import { UnitImportService } from '../units/import/unit-import.service.js';
import { UnitTreeWriter, UpsertSummary } from '../units/unit-tree.writer.js';
import { AreaRef, NAM_DINH_AREA, namDinhBodies } from './nam-dinh-bodies.js';

export interface DemoLogin {
  role: Role;
  email: string;
  password: string;
  unit: string;
}

/** Demo accounts of the local start, one per role; never created in production. */
const DEMO_ACCOUNTS: { role: Role; email: string; fullName: string; unitCode: string }[] = [
  { role: Role.Admin, email: 'admin@demo.local', fullName: 'Quản trị hệ thống', unitCode: 'CA-36' },
  { role: Role.Issuer, email: 'pa05@demo.local', fullName: 'Cán bộ PA05', unitCode: 'CA-36-PA05' },
  { role: Role.Leader, email: 'giamdoc@demo.local', fullName: 'Giám đốc Công an tỉnh', unitCode: 'CA-36' },
  { role: Role.Officer, email: 'haihau@demo.local', fullName: 'Văn thư UBND huyện Hải Hậu', unitCode: 'UBND-366' },
];
export const DEMO_PASSWORD = 'demo-password-2023';

@Injectable()
export class SeedService {
  private readonly logger = new Logger(SeedService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly importer: UnitImportService,
    private readonly writer: UnitTreeWriter,
    private readonly passwords: PasswordService,
    private readonly config: AppConfig,
  ) {}

  /** Nam Định as of the seed dispatch (vintage 2024-05-01) and the bodies that act there. */
  async seedNamDinh(): Promise<{ areas: UpsertSummary; bodies: UpsertSummary }> {
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

  async ensureDemoAccounts(): Promise<DemoLogin[]> {
    if (this.config.isProduction) throw new Error('Demo accounts are never created in production');
    const hash = await this.passwords.hash(DEMO_PASSWORD);
    const logins: DemoLogin[] = [];
    for (const account of DEMO_ACCOUNTS) {
      const unit = await this.db.getRepository(Unit).findOneByOrFail({ code: account.unitCode });
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

  /** Admins have global scope; with no unit named they hang on a root "system" unit. */
  private async systemUnit(): Promise<Unit> {
    await this.db.transaction((em) =>
      this.writer.upsert(em, [
        { code: 'HE-THONG', name: 'Quản trị hệ thống', type: UnitType.Other, level: UnitLevel.Province, parentCode: null },
      ]),
    );
    return this.db.getRepository(Unit).findOneByOrFail({ code: 'HE-THONG' });
  }

  /** The first admin, from ADMIN_EMAIL / ADMIN_PASSWORD or the CLI; attached to the given unit. */
  async ensureAdmin(email: string, password: string, unitCode?: string): Promise<void> {
    const unit = unitCode ? await this.db.getRepository(Unit).findOneBy({ code: unitCode }) : await this.systemUnit();
    if (!unit) throw new Error(`Không có đơn vị mã ${unitCode}: hãy nhập hoặc tạo đơn vị trước.`);
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
  }
}
