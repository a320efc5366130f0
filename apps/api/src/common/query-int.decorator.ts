import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { Optional } from './optional.decorator';

/**
 * An optional integer query parameter in plain decimal digits. `Number()` would also take `0x10`, `1e2`, ` 7` or
 * `0b11`; those stay strings here and are refused (422 naming the parameter).
 */
export function QueryInt(min: number, max: number): PropertyDecorator {
  return applyDecorators(
    Optional(),
    Transform(({ value }: { value: unknown }) => (typeof value === 'string' && /^-?[0-9]{1,15}$/.test(value) ? Number(value) : value)),
    IsInt({ message: ({ property }) => `${property} must be an integer between ${min} and ${max} (decimal digits)` }),
    Min(min),
    Max(max),
  );
}
