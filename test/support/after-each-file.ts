/** vitest setupFiles: at the end of each test file, what test-database.ts kept is given back. */
import { afterAll } from 'vitest';
import { endOfFile } from './file-end.ts';

afterAll(endOfFile);
