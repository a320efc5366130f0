import { EditorialCorrectionRepository } from '@copydesk/database';
import { Injectable } from '@nestjs/common';

/** One training example as `npm run train:topics -- --data` reads it. */
export interface TrainingExampleLine {
  id: string;
  text: string;
  topics: string[];
}

/** Editor-confirmed topics as topic-model training data. */
@Injectable()
export class TrainingDataExporter {
  constructor(private readonly corrections: EditorialCorrectionRepository) {}

  /** Every article with editor-confirmed topics, one JSON line each, read page by page. */
  async *lines(): AsyncGenerator<string> {
    for await (const page of this.corrections.confirmedTopicExamples()) {
      for (const example of page) {
        // Title and body as the classifier reads them.
        const line: TrainingExampleLine = {
          id: example.articleId,
          text: `${example.title}\n\n${example.bodyText}`,
          topics: example.topics,
        };
        yield `${JSON.stringify(line)}\n`;
      }
    }
  }
}
