/**
 * Reads a /metrics answer the way Prometheus would, from the text format itself, never through
 * prom-client's registry. The npm parser (parse-prometheus-text-format 1.1.1, unmaintained) drops
 * the labels and counts of labelled histograms, so the sample lines are parsed here: each is
 * `name{label="value",...} number`, label values escaped with \\, \" and \n
 * (https://prometheus.io/docs/instrumenting/exposition_formats/#text-based-format).
 */

export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

const SAMPLE_LINE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)(?:\s+-?\d+)?$/;
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)",?/gy;

function parseLabels(text: string): Record<string, string> {
  const labels: Record<string, string> = {};
  LABEL.lastIndex = 0;
  let consumed = 0;
  for (let match = LABEL.exec(text); match; match = LABEL.exec(text)) {
    const [whole, key = '', raw = ''] = match;
    labels[key] = raw.replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c));
    consumed += whole.length;
  }
  if (consumed !== text.length) throw new Error(`unreadable labels {${text}}`);
  return labels;
}

/**
 * Prometheus reads values with Go's strconv.ParseFloat, which takes NaN and Inf in any case;
 * prom-client writes `Nan` for a default metric that has no value yet (the event loop's lag
 * before its first sample).
 */
function parseValue(text: string): number {
  const special = text.toLowerCase();
  if (special === 'nan') return NaN;
  if (special === '+inf' || special === 'inf') return Infinity;
  if (special === '-inf') return -Infinity;
  const value = Number(text);
  if (text === '' || Number.isNaN(value)) throw new Error(`unreadable value ${text}`);
  return value;
}

export function parseExposition(text: string): { types: Map<string, string>; samples: Sample[] } {
  const types = new Map<string, string>();
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const type = /^# TYPE (\S+) (counter|gauge|histogram|summary|untyped)$/.exec(line);
    if (type) types.set(type[1] ?? '', type[2] ?? '');
    if (line.startsWith('#')) continue;
    const match = SAMPLE_LINE.exec(line);
    if (!match) throw new Error(`not a sample line: ${line}`);
    samples.push({
      name: match[1] ?? '',
      labels: parseLabels(match[2] ?? ''),
      value: parseValue(match[3] ?? ''),
    });
  }
  return { types, samples };
}

const includes = (labels: Record<string, string>, wanted: Record<string, string>) =>
  Object.entries(wanted).every(([key, value]) => labels[key] === value);

export class Scrape {
  private constructor(
    readonly types: Map<string, string>,
    readonly samples: Sample[],
  ) {}

  static async of(url: string): Promise<Scrape> {
    const response = await fetch(url);
    if (response.status !== 200) throw new Error(`GET ${url} answered ${response.status}`);
    if (!response.headers.get('content-type')?.startsWith('text/plain; version=0.0.4'))
      throw new Error(`GET ${url} is not the Prometheus text format`);
    const { types, samples } = parseExposition(await response.text());
    return new Scrape(types, samples);
  }

  /** Whether the family is declared (`# TYPE name ...`). */
  has(name: string): boolean {
    return this.types.has(name);
  }

  /** The samples of a counter or gauge family whose labels include `labels`. */
  series(name: string, labels: Record<string, string> = {}): Sample[] {
    if (!this.has(name)) throw new Error(`no metric ${name} in the scrape`);
    return this.samples.filter((s) => s.name === name && includes(s.labels, labels));
  }

  /** The value of the one matching series; 0 when a counter's series does not exist yet. */
  value(name: string, labels: Record<string, string> = {}): number {
    const matching = this.series(name, labels);
    if (matching.length > 1) throw new Error(`${matching.length} series of ${name} match`);
    return matching[0]?.value ?? 0;
  }

  /** A histogram series: its count and cumulative bucket counts by upper bound (`le`). */
  histogram(
    name: string,
    labels: Record<string, string> = {},
  ): { count: number; buckets: Record<string, number> } {
    if (this.types.get(name) !== 'histogram') throw new Error(`${name} is not a histogram`);
    const buckets: Record<string, number> = {};
    for (const s of this.samples)
      if (s.name === `${name}_bucket` && includes(s.labels, labels)) buckets[s.labels['le'] ?? ''] = s.value;
    const counts = this.samples.filter((s) => s.name === `${name}_count` && includes(s.labels, labels));
    if (counts.length > 1) throw new Error(`${counts.length} series of ${name} match`);
    return { count: counts[0]?.value ?? 0, buckets };
  }
}

/** An adapter's `twinbridge_adapter_connection_state` series, one value per state. */
export function connectionStates(scrape: Scrape, platform: string): Record<string, number> {
  return Object.fromEntries(
    scrape
      .series('twinbridge_adapter_connection_state', { platform })
      .map((s) => [s.labels['state'] ?? '', s.value]),
  );
}

/** GET /healthz: the status code and the JSON body. */
export async function healthAt(url: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(url);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}
