import { Module } from '@nestjs/common';
import { ArticleRouter } from './article-router.service';
import { WebhookSender } from './webhook-sender.service';

@Module({ providers: [ArticleRouter, WebhookSender], exports: [ArticleRouter, WebhookSender] })
export class PublishModule {}
