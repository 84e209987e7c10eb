import { ActivityChannel, DispatchStatus, Urgency } from '@app/vocabulary';
import { ApiProperty } from '@nestjs/swagger';

/** The dispatch as written and its parts, as every view of it shows them (issuer's and recipients'). */

export class DispatchDocumentDto {
  @ApiProperty() id!: string;
  @ApiProperty() issuerUnitId!: string;
  @ApiProperty({ type: String, nullable: true }) headerAuthority!: string | null;
  @ApiProperty() headerIssuer!: string;
  @ApiProperty() number!: number;
  @ApiProperty() symbol!: string;
  @ApiProperty({ description: 'YYYY-MM-DD' }) issuedDate!: string;
  @ApiProperty() issuedPlace!: string;
  @ApiProperty() documentType!: string;
  @ApiProperty() subject!: string;
  @ApiProperty() body!: string;
  @ApiProperty({ enum: Urgency, enumName: 'Urgency' }) urgency!: Urgency;
  @ApiProperty({ type: [String] }) addresseeLines!: string[];
  @ApiProperty({ type: [String] }) distributionLines!: string[];
  @ApiProperty() signerName!: string;
  @ApiProperty({ type: String, nullable: true }) signerRank!: string | null;
  @ApiProperty({ type: String, nullable: true }) signerTitle!: string | null;
  @ApiProperty({ enum: DispatchStatus, enumName: 'DispatchStatus' }) status!: DispatchStatus;
  @ApiProperty({ description: '1 when published; each new version (văn bản thay thế, đính chính) adds one' }) version!: number;
  // A Date from the dispatch entity, the timestamp's ISO text from the delivery detail read model (json): the same date-time on the wire.
  @ApiProperty({ type: Date, nullable: true, description: 'Thu hồi: when the issuer recalled it' }) recalledAt!: Date | string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Thu hồi: the reason given' }) recallReason!: string | null;
}

export class DispatchTaskDto {
  @ApiProperty() number!: number;
  @ApiProperty() text!: string;
  @ApiProperty({ enum: ActivityChannel, enumName: 'ActivityChannel', isArray: true }) channels!: ActivityChannel[];
}

export class AttachmentDto {
  @ApiProperty() id!: string;
  @ApiProperty() fileName!: string;
  @ApiProperty() contentType!: string;
  @ApiProperty() sizeBytes!: number;
  @ApiProperty() sha256!: string;
  @ApiProperty() createdAt!: Date;
}

/** Another unit as a reader may see it: never its e-mails, tree path or settings. */
export class UnitRefDto {
  @ApiProperty() id!: string;
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
}

/** Only what UnitRefDto shows, whatever row (a whole unit entity) it is taken from. */
export const unitRef = ({ id, code, name }: UnitRefDto): UnitRefDto => ({ id, code, name });
