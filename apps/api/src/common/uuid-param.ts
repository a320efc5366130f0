import { CopydeskException, ErrorCode } from '@copydesk/pipeline';
import { Param, type PipeTransform } from '@nestjs/common';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A path parameter that must be a UUID: anything else is 400 naming the parameter, never "the body cannot be parsed". */
export class UuidPipe implements PipeTransform<unknown, string> {
  constructor(private readonly name: string) {}

  transform(value: unknown): string {
    if (typeof value === 'string' && UUID.test(value)) return value.toLowerCase();
    throw new CopydeskException(ErrorCode.InvalidParameter, `The path parameter ${this.name} must be a UUID.`, {
      errors: [{ pointer: `/path/${this.name}`, detail: 'must be a UUID' }],
    });
  }
}

/** `@UuidParam('id') id: string`. */
export const UuidParam = (name: string): ParameterDecorator => Param(name, new UuidPipe(name));

/** `@IdParam() id: string`: the `:id` of a resource route, a UUID. */
export const IdParam = (): ParameterDecorator => UuidParam('id');
