import { ApiProperty } from '@nestjs/swagger';

export class ParsedTaskDto {
  @ApiProperty() number!: number;
  @ApiProperty() text!: string;
}

/** POST /dispatches/parse-text: the Decree 30 fields read from a pasted dispatch (DispatchText). */
export class ParsedDispatchTextDto {
  @ApiProperty({ type: String, nullable: true, example: 'UBND TỈNH NAM ĐỊNH' }) headerAuthority!: string | null;
  @ApiProperty({ example: 'CÔNG AN TỈNH' }) headerIssuer!: string;
  @ApiProperty({ example: 5207 }) number!: number;
  @ApiProperty({ example: 'CAT-PA05' }) symbol!: string;
  @ApiProperty({ example: '2023-10-20', description: 'YYYY-MM-DD' }) issuedDate!: string;
  @ApiProperty({ example: 'Nam Định' }) issuedPlace!: string;
  @ApiProperty({ description: 'Trích yếu (V/v …)' }) subject!: string;
  @ApiProperty({ type: [String], description: 'Kính gửi' }) addressees!: string[];
  @ApiProperty() body!: string;
  @ApiProperty({ type: [ParsedTaskDto], description: 'The numbered requests' }) tasks!: ParsedTaskDto[];
  @ApiProperty({ type: [String], description: 'Nơi nhận' }) distribution!: string[];
  @ApiProperty({ type: String, nullable: true }) signerRank!: string | null;
  @ApiProperty() signerName!: string;
}
