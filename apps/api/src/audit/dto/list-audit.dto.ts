import { AuditAction } from '@copydesk/contracts';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsEnum, IsString, MaxLength, MinLength } from 'class-validator';
import { Optional } from '../../common/optional.decorator';
import { QueryInt } from '../../common/query-int.decorator';

export class ListAuditDto {
  @ApiPropertyOptional({ description: 'A key id, or an actor name such as "env admin key"', maxLength: 200, minLength: 1 })
  @Optional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  actor?: string;

  @ApiPropertyOptional({ enum: AuditAction, enumName: 'AuditAction' })
  @Optional()
  @IsEnum(AuditAction)
  action?: AuditAction;

  @ApiPropertyOptional({ format: 'date-time', description: 'Entries at or after this instant' })
  @Optional()
  @IsDateString({ strict: true }, { message: 'since must be an ISO 8601 date-time' })
  since?: string;

  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 200, type: 'integer' })
  @QueryInt(1, 200)
  limit?: number;

  @ApiPropertyOptional({ description: 'The nextCursor of the previous page', maxLength: 200 })
  @Optional()
  @IsString()
  @MaxLength(200)
  cursor?: string;
}
