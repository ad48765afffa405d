/**
 * A child process for embedded-crash.test.ts: opens the embedded database in the directory named
 * by WRITER_DATA_DIR and commits one community after another, telling the parent the external id
 * of each once its transaction committed. The parent kills it with SIGKILL mid-write.
 */
import { openDatabase } from '../../src/db/open-database.ts';

const dataDir = process.env['WRITER_DATA_DIR'];
if (!dataDir || !process.send) throw new Error('embedded-writer: run me from embedded-crash.test.ts');
const send = process.send.bind(process);
const database = await openDatabase({ dataDir, logger: { info: () => undefined } });
for (let i = 0; ; i++) {
  const externalId = `crash-${i}`;
  await database.prisma.$transaction(async (tx) => {
    await tx.community.create({ data: { platform: 'CONSOLE', externalId, name: `Community ${i}` } });
    await tx.auditEntry.create({
      data: { action: 'crash.test', targetType: 'community', targetId: externalId, details: { i } },
    });
  });
  send(externalId);
}
