/**
 * The mutation score per folder and file, from every run recorded in
 * reports/mutation-incremental/ (docs/TESTING.md, "Mutation testing"). Runs of different scopes
 * (a folder, one file, `--unit`) add up: for each source file the newest recorded run that still
 * matches the file's current text counts; a file changed since its last run shows as stale.
 *
 *   npm run mutation:summary
 *
 * Score as Stryker computes it: (killed + timed out) / (killed + timed out + survived + no coverage);
 * ignored (static) mutants and compile errors do not count.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

interface RecordedFile {
  source: string;
  mutants: { status: string }[];
}

interface Recorded {
  run: string;
  writtenAt: number;
  unitOnly: boolean;
  file: RecordedFile;
}

interface Tally {
  detected: number;
  undetected: number;
  survived: number;
}

const root = fileURLToPath(new URL('..', import.meta.url));
const runsDir = join(root, 'reports', 'mutation-incremental');

/**
 * When a run was recorded: its commit's time, or the file's own time while it is not committed
 * (newer than any commit). Not the file time alone: a fresh clone gives every file the same one.
 */
function recordedAt(path: string): number {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();
  const committed =
    git('status', '--porcelain', '--', path) === '' ? git('log', '-1', '--format=%ct', '--', path) : '';
  return committed === '' ? statSync(path).mtimeMs : Number(committed) * 1000;
}

/** The newest run per source file, among those whose recorded source is the current text. */
function newestRuns(): { current: Map<string, Recorded>; stale: string[] } {
  const byFile = new Map<string, Recorded[]>();
  for (const name of readdirSync(runsDir).filter((n) => n.endsWith('.json'))) {
    const path = join(runsDir, name);
    const report = JSON.parse(readFileSync(path, 'utf8')) as { files: Record<string, RecordedFile> };
    const recorded = { run: name, writtenAt: recordedAt(path), unitOnly: name.endsWith('.unit.json') };
    for (const [file, result] of Object.entries(report.files)) {
      byFile.set(file, [...(byFile.get(file) ?? []), { ...recorded, file: result }]);
    }
  }
  const current = new Map<string, Recorded>();
  const stale: string[] = [];
  for (const [file, runs] of byFile) {
    let text: string;
    try {
      text = readFileSync(join(root, file), 'utf8');
    } catch {
      continue; // deleted since
    }
    // A full run (not --unit) of the same text beats a unit-only one; then the newest.
    const matching = runs
      .filter((r) => r.file.source === text)
      .sort((a, b) => Number(a.unitOnly) - Number(b.unitOnly) || b.writtenAt - a.writtenAt);
    const best = matching[0];
    if (best) current.set(file, best);
    else stale.push(file);
  }
  return { current, stale };
}

function tally(recorded: Recorded): Tally {
  const count = (...statuses: string[]) =>
    recorded.file.mutants.filter((m) => statuses.includes(m.status)).length;
  const detected = count('Killed', 'Timeout');
  const survived = count('Survived');
  return { detected, survived, undetected: survived + count('NoCoverage') };
}

const score = (t: Tally) =>
  t.detected + t.undetected === 0
    ? '  n/a'
    : `${((100 * t.detected) / (t.detected + t.undetected)).toFixed(1)} %`;

const { current, stale } = newestRuns();
const folders = new Map<string, Tally>();
const lines: string[] = [];
for (const [file, recorded] of [...current].sort(([a], [b]) => a.localeCompare(b))) {
  const t = tally(recorded);
  const folder = relative(root, join(root, file, '..'));
  const sum = folders.get(folder) ?? { detected: 0, undetected: 0, survived: 0 };
  folders.set(folder, {
    detected: sum.detected + t.detected,
    undetected: sum.undetected + t.undetected,
    survived: sum.survived + t.survived,
  });
  const kind = recorded.unitOnly ? ' (unit tests only)' : '';
  lines.push(
    `  ${file.padEnd(52)} ${score(t).padStart(7)}  ${String(t.undetected).padStart(4)} undetected${kind}`,
  );
}

process.stdout.write('Mutation score per folder (killed + timed out of all that count)\n');
for (const [folder, t] of [...folders].sort(([a], [b]) => a.localeCompare(b))) {
  process.stdout.write(
    `  ${folder.padEnd(52)} ${score(t).padStart(7)}  ${String(t.undetected).padStart(4)} undetected of ${t.detected + t.undetected}\n`,
  );
}
process.stdout.write('\nPer file\n' + lines.join('\n') + '\n');
if (stale.length > 0) {
  process.stdout.write(`\nChanged since their last run (rerun to measure): ${stale.sort().join(', ')}\n`);
}
