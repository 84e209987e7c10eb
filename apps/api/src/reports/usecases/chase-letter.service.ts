import { invalid } from '@app/common';
import { LateUnitsReport } from '@app/reports';
import { RecipientPurpose, Urgency } from '@app/database';
import { DispatchRepository } from '@app/rollout';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../../auth/actor.js';
import { DispatchAccess } from '../../access/dispatch-access.service.js';
import { DispatchDraftsService } from '../../dispatches/usecases/dispatch-drafts.service.js';
import { chaseLetterText } from './chase-letter.text.js';
import type { ChaseLetterDraftDto } from '../dto/report-responses.dto.js';

/**
 * Drafts a "công văn đôn đốc" (reminder dispatch) in Decree 30 form, addressed to exactly the
 * units that are late on the given dispatch, as a new draft the issuer edits and publishes.
 */
@Injectable()
export class ChaseLetterService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly dispatches: DispatchAccess,
    private readonly drafts: DispatchDraftsService,
    private readonly lateUnits: LateUnitsReport,
    private readonly register: DispatchRepository,
  ) {}

  async draft(actor: Actor, dispatchId: string): Promise<ChaseLetterDraftDto> {
    const { dispatch } = await this.dispatches.requireManageable(actor, dispatchId);
    const late = await this.lateUnits.of(dispatchId);
    if (late.length === 0) throw invalid('Không có đơn vị nào chậm thực hiện công văn này: không cần đôn đốc.');
    const today = new Date().toLocaleDateString('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' });
    const next = await this.register.nextNumber(this.db, dispatch.issuerUnitId, Number(today.slice(0, 4)));
    const text = chaseLetterText(dispatch, late, today);
    const ackDue = new Date(Date.now() + 2 * 86_400_000).toISOString();
    const id = await this.drafts.create(actor, {
      issuerUnitId: dispatch.issuerUnitId,
      headerAuthority: dispatch.headerAuthority ?? undefined,
      headerIssuer: dispatch.headerIssuer,
      number: next,
      symbol: dispatch.symbol,
      issuedDate: today,
      issuedPlace: dispatch.issuedPlace,
      documentType: 'Công văn',
      subject: text.subject,
      body: text.body,
      urgency: Urgency.Urgent,
      addresseeLines: text.addressees,
      distributionLines: ['Như trên; (Để thực hiện)', `Lưu: VT, ${dispatch.symbol.split('-').pop()}.`],
      signerName: dispatch.signerName,
      signerRank: dispatch.signerRank ?? undefined,
      signerTitle: dispatch.signerTitle ?? undefined,
      tasks: [{ number: 1, text: text.task }],
      recipients: late.map((l) => ({ purpose: RecipientPurpose.Action, unitId: l.unitId })),
      ackDueAt: ackDue,
    });
    return { dispatchId: id, lateUnits: late.length };
  }
}
