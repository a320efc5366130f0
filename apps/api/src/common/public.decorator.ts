import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'copydesk:public';

/** Routes anyone may call without a key: /health, /docs, /openapi.json (and /metrics unless METRICS_TOKEN is set). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);
