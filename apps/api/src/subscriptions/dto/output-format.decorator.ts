import { DEFAULT_OUTPUT_FORMAT, OUTPUT_FORMAT_NAMES, OUTPUT_FORMATS } from '@copydesk/delivery';
import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn } from 'class-validator';

/**
 * A subscription's `format`: one of the registered output formats (libs/delivery/src/formats), so a new format
 * needs no change here. The documentation lists each with its media type.
 */
export function IsOutputFormat(note: string): PropertyDecorator {
  const formats = OUTPUT_FORMAT_NAMES.map((name) => `${name} (${OUTPUT_FORMATS[name].mediaType}): ${OUTPUT_FORMATS[name].description}`);
  return applyDecorators(
    ApiPropertyOptional({ enum: OUTPUT_FORMAT_NAMES, default: DEFAULT_OUTPUT_FORMAT, description: `${note}. ${formats.join('; ')}` }),
    IsIn(OUTPUT_FORMAT_NAMES, { message: `format must be one of: ${OUTPUT_FORMAT_NAMES.join(', ')}` }),
  );
}
