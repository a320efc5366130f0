import { feedKind } from './kinds/feed/feed.kind';
import { folderKind } from './kinds/folder/folder.kind';
import { pageKind } from './kinds/page/page.kind';
import { pushKind } from './kinds/push/push.kind';
import { sitemapKind } from './kinds/sitemap/sitemap.kind';
import type { SourceKind } from './kinds/source-kind';
import { SourceKindRegistry } from './kinds/source-kind.registry';
import { webhookKind } from './kinds/webhook/webhook.kind';
import { wireKind } from './kinds/wire/wire.kind';

/** Every kind of source, one line each: adding a kind is its folder under `kinds/` and a line here. */
export const SOURCE_KINDS: readonly SourceKind[] = [pushKind, feedKind, sitemapKind, pageKind, webhookKind, wireKind, folderKind];

/** The installation's registry. Services take it by injection (`SourceKindRegistry`), so a test can bring its own. */
export const sourceKinds = new SourceKindRegistry(SOURCE_KINDS);
