import { forbidden, invalid } from '@app/common';
import { Injectable } from '@nestjs/common';
import { AccessService } from '../../access/access.service.js';
import type { Actor } from '../../auth/actor.js';
import type { OnboardProvinceDto } from './onboard-province.dto.js';
import { OnboardProvinceService } from './onboard-province.service.js';
import type { OnboardSummaryDto } from './onboard-summary.dto.js';

/** The admin endpoint's side: who may onboard, and which source the request names. */
@Injectable()
export class OnboardProvinceRequests {
  constructor(
    private readonly onboarding: OnboardProvinceService,
    private readonly access: AccessService,
  ) {}

  async onboard(actor: Actor, dto: OnboardProvinceDto, csv: Buffer | undefined): Promise<OnboardSummaryDto> {
    // Onboarding creates roots and retires whole provinces: only an installation-wide admin may.
    if (!this.access.isInstallationAdmin(actor))
      throw forbidden('Chỉ quản trị viên toàn hệ thống được tiếp nhận tỉnh mới; quản trị viên cấp tỉnh chỉ quản lý tỉnh của mình.');
    if (!csv && !dto.dataset) throw invalid('Hãy chọn danh mục có sẵn (dataset) hoặc tải lên tệp CSV danh mục GSO (file).');
    if (csv && dto.dataset) throw invalid('Chỉ chọn một nguồn: danh mục có sẵn (dataset) hoặc tệp tải lên (file).');
    return this.onboarding.onboard({ ...dto, csv });
  }
}
