import { ArticleStatus } from '@copydesk/contracts';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum, IsIn, Matches } from 'class-validator';
import { Optional } from '../../common/optional.decorator';
import { PageQueryDto } from '../../common/page-query.dto';
import { OptionalDateTime, OptionalText, OptionalUuid } from '../../common/validators';

export class ListArticlesDto extends PageQueryDto {
  @OptionalText(500, {
    min: 1,
    description: 'Full-text query (websearch syntax: words, "phrases", -exclusions, OR), matched in each article’s language',
    example: 'harbour -ferry',
  })
  q?: string;

  @ApiPropertyOptional({
    enum: ['relevance', 'newest'],
    description:
      'relevance (the default with q): best match first, with highlighted passages; newest: newest first (by publication when publishedFrom or publishedTo is given, else by arrival)',
  })
  @Optional()
  @IsIn(['relevance', 'newest'])
  sort?: 'relevance' | 'newest';

  @ApiPropertyOptional({ enum: ArticleStatus, enumName: 'ArticleStatus' })
  @Optional()
  @IsEnum(ArticleStatus)
  status?: ArticleStatus;

  @OptionalText(64, { description: 'Source slug or id' })
  source?: string;

  @ApiPropertyOptional({ example: 'en', description: 'BCP 47; en also finds en-GB', pattern: '^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$' })
  @Optional()
  @Matches(/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/, { message: 'language must be a BCP 47 tag' })
  language?: string;

  @ApiPropertyOptional({
    example: 'medtop:11000000',
    description: 'An IPTC Media Topic: articles with it or any narrower topic (politics finds elections)',
    pattern: '^medtop:\\d{8}$',
  })
  @Optional()
  @Matches(/^medtop:\d{8}$/, { message: 'topic must be an IPTC Media Topic qcode such as medtop:11000000' })
  topic?: string;

  @OptionalDateTime({ description: 'Published at or after' })
  publishedFrom?: string;

  @OptionalDateTime({ description: 'Published before' })
  publishedTo?: string;

  @OptionalUuid({ description: 'Articles of this story cluster' })
  cluster?: string;
}
