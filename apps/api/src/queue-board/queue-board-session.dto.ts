import { ApiProperty } from '@nestjs/swagger';

/** POST /admin/queue-board/session: the board is open in this browser (the cookie rides in Set-Cookie). */
export class QueueBoardSessionDto {
  @ApiProperty({ example: '/admin/queues', description: 'Where the board is' }) url!: string;
  @ApiProperty({ type: String, format: 'date-time', description: 'When the cookie expires (15 minutes)' }) expiresAt!: string;
}
