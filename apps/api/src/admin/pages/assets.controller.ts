import { CopydeskException, ErrorCode } from '@copydesk/pipeline';
import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Public } from '../../common/public.decorator';

interface Asset {
  body: Buffer;
  type: string;
}

/** The project root (package.json beside apps/): the same path works from src/ (jest) and dist/ (node). */
function projectRoot(): string {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'apps'))) return dir;
    if (dirname(dir) === dir) throw new Error(`admin: no project root above ${__dirname}`);
  }
}

/**
 * The dashboard's own files (apps/api/src/admin/web, read from the source tree like libs/enrichment's models, as the
 * SWC build copies no assets) and htmx from its npm package: nothing comes from a CDN.
 */
function loadAssets(): Map<string, Asset> {
  const web = join(projectRoot(), 'apps', 'api', 'src', 'admin', 'web');
  const files: Array<[string, string, string]> = [
    ['admin.css', join(web, 'admin.css'), 'text/css; charset=utf-8'],
    ['admin.js', join(web, 'admin.js'), 'text/javascript; charset=utf-8'],
    ['htmx.min.js', require.resolve('htmx.org/dist/htmx.min.js'), 'text/javascript; charset=utf-8'],
  ];
  return new Map(files.map(([name, path, type]) => [name, { body: readFileSync(path), type }]));
}

@ApiExcludeController()
@Public()
@Controller('admin/assets')
export class AssetsController {
  private assets: Map<string, Asset> | null = null;

  @Get(':name')
  asset(@Param('name') name: string, @Res() reply: FastifyReply): void {
    this.assets ??= loadAssets();
    const asset = this.assets.get(name);
    if (!asset) throw new CopydeskException(ErrorCode.NotFound, `The dashboard has no file "${name}".`);
    void reply
      .header('content-type', asset.type)
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'public, max-age=300')
      .send(asset.body);
  }
}
