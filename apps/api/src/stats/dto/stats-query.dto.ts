import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString } from 'class-validator';
import { Optional } from '../../common/optional.decorator';

export class StatsQueryDto {
  @ApiPropertyOptional({ format: 'date-time', description: 'Start of the window (default: 24 h before to)' })
  @Optional()
  @IsDateString({ strict: true }, { message: 'from must be an ISO 8601 date-time' })
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'End of the window, excluded (default: now); at most 31 days after from' })
  @Optional()
  @IsDateString({ strict: true }, { message: 'to must be an ISO 8601 date-time' })
  to?: string;
}
