/**
 * Makes the template new embedded data directories start from (src/db/embedded-template.ts):
 * run by `npm install` after the build; again by hand with `tsx scripts/embedded-template.ts`.
 */
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

import { buildEmbeddedTemplate, embeddedTemplatePath, gzipTemplate } from '../src/db/embedded-template.ts';

const started = performance.now();
const path = embeddedTemplatePath();
await mkdir(dirname(path), { recursive: true });
// Written aside and renamed: a start never reads half a template.
const partial = `${path}.${process.pid}.partial`;
await writeFile(partial, await gzipTemplate(await buildEmbeddedTemplate()));
await rename(partial, path);
process.stderr.write(
  `Made the embedded database's template (${path}) in ${Math.round(performance.now() - started)} ms.\n`,
);
