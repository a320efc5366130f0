#!/usr/bin/env node
// @ts-check
'use strict';
/**
 * Writes libs/wire/src/subjects/subject-code-media-topics.data.ts from the IPTC Media Topics scheme Copydesk ships
 * (libs/enrichment/iptc/mediatopics-*.json, CC BY 4.0, IPTC). Run after `nest build` when IPTC releases a new scheme:
 *
 *   npx nest build && node scripts/wire-subject-mapping/derive-subject-mapping.js [scheme.json]
 *
 * libs/wire's spec checks that the shipped table is what this derivation gives.
 */
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..', '..');
const { deriveSubjectCodeMapping } = require(path.join(root, 'dist', 'libs', 'wire', 'src', 'subjects', 'subject-mapping.deriver.js'));
const schemeFile = process.argv[2] ?? path.join(root, 'libs', 'enrichment', 'iptc', 'mediatopics-2023-10-24.json');
const out = path.join(root, 'libs', 'wire', 'src', 'subjects', 'subject-code-media-topics.data.ts');

const mapping = deriveSubjectCodeMapping(JSON.parse(fs.readFileSync(schemeFile, 'utf8')));
// Sorted as text: integer-like keys would otherwise come first in object order.
const lines = Object.entries(mapping)
  .sort(([a], [b]) => (a < b ? -1 : 1))
  .map(([code, [topic, match]]) => `  '${code}': ['${topic}', '${match}'],`);
const source = `/*
 * IPTC Subject Codes → IPTC Media Topics, derived by scripts/wire-subject-mapping from IPTC's mapping published with
 * the Media Topics scheme (${path.basename(schemeFile)}). Copyright IPTC (https://iptc.org/), CC BY 4.0
 * (https://creativecommons.org/licenses/by/4.0/). Changes: codes whose topic is retired point at its nearest active
 * broader topic ('broader'). See libs/wire/src/subjects/NOTICE.md. Generated: do not edit by hand.
 */
import type { SubjectCodeMapping } from './subject-mapping.deriver';

export const SUBJECT_CODE_SCHEME_SOURCE = '${path.basename(schemeFile)}';

// prettier-ignore
export const SUBJECT_CODE_MEDIA_TOPICS: SubjectCodeMapping = {
${lines.join('\n')}
};
`;
fs.writeFileSync(out, source);
process.stdout.write(`${Object.keys(mapping).length} subject codes mapped → ${path.relative(root, out)}\n`);
