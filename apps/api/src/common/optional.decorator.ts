import { ValidateIf } from 'class-validator';

/**
 * A field that may be left out. Unlike class-validator's @IsOptional, `null` is not "left out": it is validated like
 * any other value and refused (422 naming the field) unless the field says it is nullable.
 */
export function Optional(): PropertyDecorator {
  return ValidateIf((_: object, value: unknown) => value !== undefined);
}

/** A field that may be left out or set to null (null clears it). */
export function OptionalNullable(): PropertyDecorator {
  return ValidateIf((_: object, value: unknown) => value !== undefined && value !== null);
}
