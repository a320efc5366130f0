import { ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsString, MaxLength, MinLength } from 'class-validator';
import { Optional } from '../../common/optional.decorator';

const names = (example: string): ApiPropertyOptions => ({
  type: [String],
  example: [example],
  description: 'Replaces the machine’s list of this kind ([] for none); leave it out to keep the machine’s',
});

/** An editor's people, organisations and places for an article. Each kind given replaces the machine's. */
export class EntityCorrectionDto {
  @ApiPropertyOptional(names('Helen Marsh'))
  @Optional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(200, { each: true })
  people?: string[];

  @ApiPropertyOptional(names('World Health Organization'))
  @Optional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(200, { each: true })
  organisations?: string[];

  @ApiPropertyOptional(names('Leeds'))
  @Optional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(200, { each: true })
  places?: string[];
}
