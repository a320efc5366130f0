import { CopydeskException, ErrorCode } from '@copydesk/pipeline';
import { ValidationPipe, type ValidationError } from '@nestjs/common';

export interface InvalidParam {
  pointer: string;
  detail: string;
}

function flatten(errors: ValidationError[], path: string[] = []): InvalidParam[] {
  return errors.flatMap((error) => {
    const here = [...path, error.property];
    const pointer = `/${here.join('/')}`;
    // null where a value is required fails every constraint at once; one line says it better.
    if (error.value === null && error.constraints) return [{ pointer, detail: `${error.property} must not be null` }];
    if (error.value === undefined && error.constraints) return [{ pointer, detail: `${error.property} is required` }];
    const own = Object.values(error.constraints ?? {}).map((detail) => ({ pointer, detail }));
    return [...own, ...flatten(error.children ?? [], here)];
  });
}

/** class-validator on every body and query: unknown fields refused, each problem listed with a JSON pointer. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => {
      const invalid = flatten(errors);
      return new CopydeskException(ErrorCode.ValidationFailed, invalid.map((e) => `${e.pointer}: ${e.detail}`).join('; '), {
        errors: invalid,
      });
    },
  });
}
