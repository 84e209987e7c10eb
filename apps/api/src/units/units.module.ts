import { Unit } from '@app/database';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { UnitImportController } from './import/unit-import.controller.js';
import { UnitImportService } from './import/unit-import.service.js';
import { LineageImportService } from './lineage/lineage-import.service.js';
import { LinkSignupSettingController } from './link-signup/link-signup-setting.controller.js';
import { LinkSignupSettingService } from './link-signup/link-signup-setting.service.js';
import { UnitLineageService } from './lineage/unit-lineage.service.js';
import { UnitTreeWriter } from './unit-tree.writer.js';
import { UnitsController } from './units.controller.js';
import { UnitsService } from './units.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([Unit])],
  controllers: [UnitsController, UnitImportController, LinkSignupSettingController],
  providers: [UnitsService, LinkSignupSettingService, UnitImportService, UnitTreeWriter, LineageImportService, UnitLineageService],
  exports: [UnitImportService, UnitTreeWriter, LineageImportService, UnitLineageService],
})
export class UnitsModule {}
