import 'reflect-metadata';
import { ConfigError, loadConfig } from '@app/config';
import { dataSourceOptions } from '@app/database';
import { NestFactory } from '@nestjs/core';
import { readFile } from 'node:fs/promises';
import { DataSource } from 'typeorm';
import type { BodyCatalogue } from '../provinces/onboarding/body-catalogue.js';
import { OnboardProvinceService } from '../provinces/onboarding/onboard-province.service.js';
import { SeedService } from '../seed/seed.service.js';
import { LineageImportService } from '../units/lineage/lineage-import.service.js';
import { DATASETS } from '../units/import/datasets.js';
import { UnitImportService } from '../units/import/unit-import.service.js';
import { backup, restore } from './backup/backup.js';
import { CliModule } from './cli.module.js';

const USAGE = `Cách dùng: npm run cli -- <lệnh>
  migrate                          chạy các migration còn thiếu
  import-units <tệp.csv | bộ dữ liệu>   nhập danh mục đơn vị hành chính (GSO); bộ dữ liệu: ${Object.keys(DATASETS).join(', ')}
  seed-nam-dinh                    Nam Định (2024-05-01) và các cơ quan: UBND, Công an, Sở ngành
  onboard-province <tệp.csv | bộ dữ liệu> <mã tỉnh | all> [--email-domain <tên miền>] [--bodies <tệp.json>] [--effective-on <YYYY-MM-DD>]
                                   tiếp nhận một tỉnh (hoặc cả nước): đơn vị hành chính, UBND, Công an, Sở ngành; idempotent
  import-lineage [mã tỉnh]          nhập liên kết kế thừa xã cũ -> xã mới (01/07/2025) cho các đơn vị đã có
  create-admin <email> <mật khẩu> [mã đơn vị]   tạo hoặc đặt lại tài khoản quản trị
  backup <thư mục>                 sao lưu cơ sở dữ liệu (pg_dump) và tệp minh chứng, đính kèm (DATA_DIR/files)
  restore <thư mục>                khôi phục từ một bản sao lưu (dừng api và worker trước)`;

async function main(args: string[]) {
  const config = loadConfig();
  const [command, ...rest] = args;
  if (command === 'migrate') {
    const ds = await new DataSource(dataSourceOptions(config)).initialize();
    const ran = await ds.runMigrations({ transaction: 'each' });
    console.log(ran.length ? `Đã chạy: ${ran.map((m) => m.name).join(', ')}` : 'Cơ sở dữ liệu đã ở phiên bản mới nhất.');
    await ds.destroy();
    return;
  }
  if (command === 'backup' || command === 'restore') {
    const folder = rest[0];
    if (!folder) throw new ConfigError(USAGE);
    const manifest = command === 'backup' ? await backup(config, folder) : await restore(config, folder);
    console.log(JSON.stringify(manifest));
    return;
  }
  if (!['import-units', 'seed-nam-dinh', 'create-admin', 'onboard-province', 'import-lineage'].includes(command ?? '')) {
    console.log(USAGE);
    process.exitCode = command ? 2 : 0;
    return;
  }
  const app = await NestFactory.createApplicationContext(CliModule.forRoot(config), { logger: ['error', 'warn', 'log'] });
  try {
    if (command === 'import-units') {
      const source = rest[0];
      if (!source) throw new ConfigError(USAGE);
      const importer = app.get(UnitImportService);
      const summary = source in DATASETS ? await importer.importDataset(source) : await importer.importGsoCsv(await readFile(source));
      console.log(JSON.stringify(summary));
    } else if (command === 'onboard-province') {
      const [source, provinceCode] = rest;
      if (!source || !provinceCode) throw new ConfigError(USAGE);
      const bodies = option(rest, '--bodies');
      const catalogue = bodies ? (JSON.parse(await readFile(bodies, 'utf8')) as Partial<BodyCatalogue>) : {};
      const summary = await app.get(OnboardProvinceService).onboard(
        {
          ...(source in DATASETS ? { dataset: source } : { csv: await readFile(source) }),
          provinceCode,
          emailDomain: option(rest, '--email-domain'),
          effectiveOn: option(rest, '--effective-on'),
          departments: catalogue.departments,
          policeDepartments: catalogue.policeDepartments,
        },
        (p) => process.stderr.write(`${STEP_LABELS[p.step]}: ${p.done}/${p.total}\n`),
      );
      console.log(JSON.stringify(summary));
    } else if (command === 'import-lineage') {
      console.log(JSON.stringify(await app.get(LineageImportService).importShipped(rest[0])));
    } else if (command === 'seed-nam-dinh') {
      console.log(JSON.stringify(await app.get(SeedService).seedNamDinh()));
    } else if (command === 'create-admin') {
      const [email, password, unitCode] = rest;
      if (!email || !password || password.length < 12)
        throw new ConfigError('create-admin <email> <mật khẩu ít nhất 12 ký tự> [mã đơn vị]');
      await app.get(SeedService).ensureAdmin(email, password, unitCode);
      console.log(`Đã tạo/cập nhật tài khoản quản trị ${email}.`);
    }
  } finally {
    await app.close();
  }
}

const STEP_LABELS = { areas: 'Đơn vị hành chính', bodies: 'Cơ quan, đơn vị', lineage: 'Liên kết kế thừa' } as const;

/** The value after a `--name` flag, if given. */
function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

main(process.argv.slice(2)).catch((e: unknown) => {
  console.error(e instanceof ConfigError ? e.message : e instanceof Error ? e.message : e);
  process.exit(1);
});
