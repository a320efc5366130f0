import { AuditAction } from '@copydesk/contracts';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum } from 'class-validator';
import { Optional } from '../../common/optional.decorator';
import { PageQueryDto } from '../../common/page-query.dto';
import { OptionalDateTime, OptionalText } from '../../common/validators';

export class ListAuditDto extends PageQueryDto {
  @OptionalText(200, { min: 1, description: 'A key id, or an actor name such as "env admin key"' })
  actor?: string;

  @ApiPropertyOptional({ enum: AuditAction, enumName: 'AuditAction' })
  @Optional()
  @IsEnum(AuditAction)
  action?: AuditAction;

  @OptionalDateTime({ description: 'Entries at or after this instant' })
  since?: string;
}
