import { OptionalDateTime } from '../../common/validators';

export class StatsQueryDto {
  @OptionalDateTime({ description: 'Start of the window (default: 24 h before to)' })
  from?: string;

  @OptionalDateTime({ description: 'End of the window, excluded (default: now); at most 31 days after from' })
  to?: string;
}
