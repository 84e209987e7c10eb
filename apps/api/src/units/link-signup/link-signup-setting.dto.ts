import { LinkSignupSetting } from '@app/vocabulary';
import { ApiProperty } from '@nestjs/swagger';
import { IsEnum } from 'class-validator';

const SETTING = { enum: LinkSignupSetting, enumName: 'LinkSignupSetting' };

export class SetLinkSignupDto {
  @ApiProperty({ ...SETTING, description: 'allow or deny for this unit and the units below it; inherit: as the unit above says' })
  @IsEnum(LinkSignupSetting, { message: `setting phải là một trong: ${Object.values(LinkSignupSetting).join(', ')}` })
  setting!: LinkSignupSetting;
}

export class LinkSignupDeciderDto {
  @ApiProperty() id!: string;
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
}

/** "Cho phép đơn vị tự tạo tài khoản qua liên kết" for one unit: its own setting and what applies. */
export class UnitLinkSignupDto {
  @ApiProperty() unitId!: string;
  @ApiProperty({ ...SETTING, description: "The unit's own setting" }) setting!: LinkSignupSetting;
  @ApiProperty({ description: 'Whether the unit may create its first account from its e-mail link' }) allowed!: boolean;
  @ApiProperty({
    type: LinkSignupDeciderDto,
    nullable: true,
    description: 'The unit whose setting applies (itself or the nearest above with one); null: none has one, so refused',
  })
  decidedBy!: LinkSignupDeciderDto | null;
}
