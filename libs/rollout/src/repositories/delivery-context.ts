import type { DeliveryStatus, DispatchStatus, RecipientPurpose } from '@app/vocabulary';

/** The facts every recipient-side operation needs about a delivery, read in one query. */
export interface DeliveryContext {
  id: string;
  dispatchId: string;
  unitId: string;
  unitName: string;
  unitPath: string;
  unitCode: string;
  parentDeliveryId: string | null;
  status: DeliveryStatus;
  purpose: RecipientPurpose;
  acknowledgedAt: Date | null;
  ackDueAt: Date | null;
  forwardDueAt: Date | null;
  reportDueAt: Date | null;
  dispatchStatus: DispatchStatus;
  dispatchIssuedDate: string;
  issuerUnitPath: string;
}

export const DELIVERY_CONTEXT_SQL = `
  SELECT d.id, d.dispatch_id AS "dispatchId", d.unit_id AS "unitId", u.name AS "unitName", u.path AS "unitPath", u.code AS "unitCode",
         d.parent_delivery_id AS "parentDeliveryId", d.status, d.purpose, d.acknowledged_at AS "acknowledgedAt",
         d.ack_due_at AS "ackDueAt", d.forward_due_at AS "forwardDueAt", d.report_due_at AS "reportDueAt",
         x.status AS "dispatchStatus", to_char(x.issued_date, 'YYYY-MM-DD') AS "dispatchIssuedDate", iu.path AS "issuerUnitPath"
    FROM deliveries d
    JOIN units u ON u.id = d.unit_id
    JOIN dispatches x ON x.id = d.dispatch_id
    JOIN units iu ON iu.id = x.issuer_unit_id
   WHERE d.id = $1`;
