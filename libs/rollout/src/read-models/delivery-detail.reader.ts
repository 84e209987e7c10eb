import { Injectable } from '@nestjs/common';
import { type Db, selectRows } from '../repositories/sql.js';
import type {
  AttachmentFile,
  DeliveryDetail,
  DeliveryRow,
  DispatchDocument,
  DispatchTaskRow,
  PublicAttachment,
} from './delivery-detail.js';

export const DISPATCH_DOCUMENT_COLUMNS = `x.id, x.issuer_unit_id AS "issuerUnitId", x.header_authority AS "headerAuthority", x.header_issuer AS "headerIssuer", x.number, x.symbol,
  to_char(x.issued_date, 'YYYY-MM-DD') AS "issuedDate", x.issued_place AS "issuedPlace", x.document_type AS "documentType",
  x.subject, x.body, x.urgency, x.addressee_lines AS "addresseeLines", x.distribution_lines AS "distributionLines",
  x.signer_name AS "signerName", x.signer_rank AS "signerRank", x.signer_title AS "signerTitle", x.status,
  x.version, x.recalled_at AS "recalledAt", x.recall_reason AS "recallReason"`;

const DELIVERY_ROW_COLUMNS = `d.id, d.dispatch_id AS "dispatchId", d.unit_id AS "unitId", d.purpose, d.status,
  d.parent_delivery_id AS "parentDeliveryId", d.instruction, d.ack_due_at AS "ackDueAt", d.forward_due_at AS "forwardDueAt",
  d.report_due_at AS "reportDueAt", d.sent_at AS "sentAt", d.arrived_at AS "arrivedAt", d.acknowledged_at AS "acknowledgedAt",
  d.ack_by_name AS "ackByName", d.refused_at AS "refusedAt", d.refusal_reason AS "refusalReason",
  d.forwarded_at AS "forwardedAt", d.completed_at AS "completedAt"`;

const ATTACHMENT_COLUMNS = `a.id, a.file_name AS "fileName", a.content_type AS "contentType", a.size_bytes::int AS "sizeBytes", a.sha256,
  a.created_at AS "createdAt"`;

type DeliveryJoined = DeliveryRow & { unit: DeliveryDetail['unit']; dispatch: DispatchDocument; forwardedByName: string | null };

/** Reads DeliveryDetail: one statement for the delivery, its unit, its dispatch and who forwarded it, then tasks and attachments. */
@Injectable()
export class DeliveryDetailReader {
  async load(db: Db, deliveryId: string): Promise<DeliveryDetail | null> {
    const found = await this.core(db, deliveryId);
    if (!found) return null;
    return { ...found, attachments: await this.attachments(db, found.delivery.dispatchId) };
  }

  private async core(db: Db, deliveryId: string): Promise<Omit<DeliveryDetail, 'attachments'> | null> {
    const [row] = await selectRows<DeliveryJoined>(
      db,
      `SELECT ${DELIVERY_ROW_COLUMNS},
              json_build_object('id', u.id, 'code', u.code, 'name', u.name) AS unit,
              (SELECT to_jsonb(doc) FROM (SELECT ${DISPATCH_DOCUMENT_COLUMNS}) doc) AS dispatch,
              pu.name AS "forwardedByName"
         FROM deliveries d
         JOIN units u ON u.id = d.unit_id
         JOIN dispatches x ON x.id = d.dispatch_id
         LEFT JOIN deliveries p ON p.id = d.parent_delivery_id
         LEFT JOIN units pu ON pu.id = p.unit_id
        WHERE d.id = $1`,
      [deliveryId],
    );
    if (!row) return null;
    const { unit, dispatch, forwardedByName, ...delivery } = row;
    // One after another: inside a transaction they share one connection, which runs one query at a time.
    const tasks = await this.tasks(db, delivery.dispatchId);
    return { delivery, unit, dispatch, tasks, forwardedByName };
  }

  async tasks(db: Db, dispatchId: string): Promise<DispatchTaskRow[]> {
    return selectRows<DispatchTaskRow>(db, `SELECT number, text, channels FROM dispatch_tasks WHERE dispatch_id = $1 ORDER BY number`, [
      dispatchId,
    ]);
  }

  async attachments(db: Db, dispatchId: string): Promise<PublicAttachment[]> {
    return selectRows<PublicAttachment>(
      db,
      `SELECT ${ATTACHMENT_COLUMNS} FROM dispatch_attachments a WHERE a.dispatch_id = $1 AND a.superseded_in_version IS NULL ORDER BY a.created_at, a.file_name`,
      [dispatchId],
    );
  }

  /** With the storage keys: only for the worker, which reads the files to attach them. */
  async attachmentFiles(db: Db, dispatchId: string): Promise<AttachmentFile[]> {
    return selectRows<AttachmentFile>(
      db,
      `SELECT ${ATTACHMENT_COLUMNS}, a.storage_key AS "storageKey" FROM dispatch_attachments a WHERE a.dispatch_id = $1 AND a.superseded_in_version IS NULL
        ORDER BY a.created_at, a.file_name`,
      [dispatchId],
    );
  }
}

/**
 * The issuing body as a reader names it. The header prints it in capitals ("CÔNG AN TỈNH NAM
 * ĐỊNH") and capitals cannot be turned back into Vietnamese sentence case (proper nouns), so we
 * take the name of the issuing unit or of its nearest ancestor whose capitals match the header
 * (PA05 drafts, "Công an tỉnh Nam Định" issues); failing that, the issuing unit's own name.
 */
export async function issuerName(db: Db, issuerUnitId: string, headerIssuer: string): Promise<string> {
  const chain = await selectRows<{ name: string }>(
    db,
    `SELECT a.name FROM units i
       JOIN units a ON a.id::text = ANY (string_to_array(rtrim(i.path, '.'), '.'))
      WHERE i.id = $1
      ORDER BY length(a.path) DESC`,
    [issuerUnitId],
  );
  const header = normaliseCaps(headerIssuer);
  return chain.find((u) => normaliseCaps(u.name) === header)?.name ?? chain[0]?.name ?? headerIssuer;
}

function normaliseCaps(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim().toLocaleUpperCase('vi');
}
