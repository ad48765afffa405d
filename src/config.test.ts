import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('TWINBRIDGE_SEND_SHARE', () => {
  it('is 1 unless set: the only process uses the whole budget', () => {
    expect(loadConfig({}).sendShare).toBe(1);
    expect(loadConfig({ TWINBRIDGE_SEND_SHARE: '' }).sendShare).toBe(1);
  });

  it('takes a fraction for one of several processes', () => {
    expect(loadConfig({ TWINBRIDGE_SEND_SHARE: '0.25' }).sendShare).toBe(0.25);
  });

  it.each(['0', '2', 'half'])('refuses %s, saying what it should be', (value) => {
    expect(() => loadConfig({ TWINBRIDGE_SEND_SHARE: value })).toThrow(ConfigError);
    expect(() => loadConfig({ TWINBRIDGE_SEND_SHARE: value })).toThrow(/TWINBRIDGE_SEND_SHARE/);
  });
});
