import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsString, MaxLength } from 'class-validator';

/** An editor's topics for an article, most important first. They replace the machine's, now and on every later enrichment. */
export class TopicCorrectionDto {
  @ApiProperty({
    type: [String],
    example: ['medtop:07000000', 'medtop:20000448'],
    description:
      'IPTC Media Topic qcodes (medtop:NNNNNNNN, the bare eight digits or the concept URI), active in the shipped scheme release',
  })
  @IsArray()
  @ArrayMinSize(1, { message: 'topics must name at least one topic' })
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  topics: string[];
}
