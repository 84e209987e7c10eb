import { AckLinkSigner, DomainException, ErrorCode } from '@app/common';
import { DispatchAttachment, DispatchTask } from '@app/database';
import { DeliveryRepository } from '@app/rollout';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { timingSafeEqual } from 'node:crypto';
import { DataSource } from 'typeorm';

export interface AckLinkView {
  delivery: {
    id: string;
    status: string;
    purpose: string;
    arrivedAt: Date | null;
    ackDueAt: Date | null;
    forwardDueAt: Date | null;
    reportDueAt: Date | null;
    instruction: string | null;
  };
  unit: { id: string; code: string; name: string };
  dispatch: Record<string, unknown>;
  tasks: DispatchTask[];
  attachments: DispatchAttachment[];
}

/**
 * Opening a delivery by its signed link, without logging in. The first opening records
 * "01 đã đến" (arrived); later openings change nothing.
 */
@Injectable()
export class AckLinkService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly signer: AckLinkSigner,
    private readonly repository: DeliveryRepository,
  ) {}

  /** Verifies signature, expiry and the stored hash; returns the delivery id. */
  async verify(token: string): Promise<{ deliveryId: string; dispatchId: string }> {
    const link = this.signer.verify(token);
    const [row] = await this.db.query(`SELECT dispatch_id, link_token_hash FROM deliveries WHERE id = $1`, [link.deliveryId]);
    if (!row || !timingSafeEqual(Buffer.from(row.link_token_hash), Buffer.from(link.tokenHash))) {
      throw new DomainException(
        ErrorCode.Gone,
        'Liên kết xác nhận này không còn hiệu lực (đã được thay bằng liên kết mới). Hãy dùng e-mail mới nhất hoặc đăng nhập.',
      );
    }
    return { deliveryId: link.deliveryId, dispatchId: row.dispatch_id };
  }

  async open(token: string): Promise<AckLinkView> {
    const { deliveryId, dispatchId } = await this.verify(token);
    await this.repository.markArrived(this.db, deliveryId);
    const [[delivery], [dispatch], tasks, attachments] = await Promise.all([
      this.db.query(
        `SELECT d.id, d.status, d.purpose, d.arrived_at AS "arrivedAt", d.ack_due_at AS "ackDueAt", d.forward_due_at AS "forwardDueAt",
                d.report_due_at AS "reportDueAt", d.instruction, json_build_object('id', u.id, 'code', u.code, 'name', u.name) AS unit
           FROM deliveries d JOIN units u ON u.id = d.unit_id WHERE d.id = $1`,
        [deliveryId],
      ),
      this.db.query(
        `SELECT id, header_authority AS "headerAuthority", header_issuer AS "headerIssuer", number, symbol,
                to_char(issued_date, 'YYYY-MM-DD') AS "issuedDate", issued_place AS "issuedPlace", document_type AS "documentType",
                subject, body, urgency, addressee_lines AS "addresseeLines", distribution_lines AS "distributionLines",
                signer_name AS "signerName", signer_rank AS "signerRank", signer_title AS "signerTitle", status
           FROM dispatches WHERE id = $1`,
        [dispatchId],
      ),
      this.db.getRepository(DispatchTask).find({ where: { dispatchId }, order: { number: 'ASC' } }),
      this.db.getRepository(DispatchAttachment).find({ where: { dispatchId }, order: { createdAt: 'ASC' } }),
    ]);
    const { unit, ...rest } = delivery;
    return { delivery: rest, unit, dispatch, tasks, attachments };
  }
}
