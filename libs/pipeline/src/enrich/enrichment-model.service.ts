import { AppConfig } from '@copydesk/config';
import {
  ENRICHER_VERSION,
  MEDIA_TOPICS_SCHEME_VERSION,
  DEFAULT_TOPIC_MODEL_FILE,
  defaultTopicModel,
  loadTopicModel,
  type TopicModel,
} from '@copydesk/enrichment';
import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { resolve } from 'node:path';

/** The versions stored with every enrichment, so results can be found and re-run when any of them changes. */
export interface EnrichmentVersions {
  enricherVersion: string;
  schemeVersion: string;
  topicModelVersion: string;
}

/**
 * The topic model the enrichment worker uses: ENRICHMENT_TOPIC_MODEL (a file from `npm run train:topics`) or the
 * shipped one. Loaded once at boot, so a file that cannot be read stops the worker there, naming the variable,
 * instead of failing every job.
 */
@Injectable()
export class EnrichmentModel implements OnModuleInit {
  private readonly logger = new Logger(EnrichmentModel.name);
  private model: TopicModel | undefined;

  constructor(private readonly config: AppConfig) {}

  onModuleInit(): void {
    const file = this.config.get('ENRICHMENT_TOPIC_MODEL');
    try {
      this.model = file ? loadTopicModel(resolve(file)) : defaultTopicModel();
    } catch (err) {
      throw new Error(
        `ENRICHMENT_TOPIC_MODEL: cannot load ${file ?? DEFAULT_TOPIC_MODEL_FILE}: ${err instanceof Error ? err.message : String(err)}`,
        { cause: err },
      );
    }
    const { schemeVersion, classes, exampleCount } = this.model;
    if (schemeVersion !== MEDIA_TOPICS_SCHEME_VERSION) {
      this.logger.warn(
        { modelSchemeVersion: schemeVersion, schemeVersion: MEDIA_TOPICS_SCHEME_VERSION },
        'the topic model was trained on another IPTC scheme release',
      );
    }
    this.logger.log(
      {
        ...this.versions,
        topicModelFile: file ? resolve(file) : `libs/enrichment/${DEFAULT_TOPIC_MODEL_FILE}`,
        classes: classes.length,
        exampleCount,
      },
      'enrichment model loaded',
    );
  }

  get topicModel(): TopicModel {
    if (!this.model) throw new Error('EnrichmentModel used before the module was initialised');
    return this.model;
  }

  get versions(): EnrichmentVersions {
    return { enricherVersion: ENRICHER_VERSION, schemeVersion: MEDIA_TOPICS_SCHEME_VERSION, topicModelVersion: this.topicModel.version };
  }
}
