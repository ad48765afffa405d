import { describe, expect, it } from 'vitest';
import { PrometheusMetrics } from './prometheus-metrics.ts';

describe('the translations counter', () => {
  it('counts relayed copies’ machine translations by service and outcome', async () => {
    const metrics = new PrometheusMetrics({ processMetrics: false });
    metrics.copyTranslated('deepl', 'translated');
    metrics.copyTranslated('deepl', 'translated');
    metrics.copyTranslated('deepl', 'timed_out');
    const text = await metrics.registry.metrics();
    expect(text).toContain('twinbridge_relay_translations_total{service="deepl",outcome="translated"} 2');
    expect(text).toContain('twinbridge_relay_translations_total{service="deepl",outcome="timed_out"} 1');
  });
});
