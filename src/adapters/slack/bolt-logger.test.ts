/** What the Slack libraries' log lines look like once they pass the bridge to the project's logger. */
import { describe, expect, it } from 'vitest';
import { recordingLogger } from '../../../test/support/recording-logger.ts';
import { BOLT_LINE_CAP, boltLogger } from './bolt-logger.ts';

const CLIENT_SECRET = 'f3a9c1d2e4b5a6978877665544332211';
const STATE_SECRET = 'state-secret-'.padEnd(40, 'z');

function bridge() {
  const logger = recordingLogger();
  return { logger, bolt: boltLogger(logger, [CLIENT_SECRET, STATE_SECRET, undefined]) };
}

describe('boltLogger', () => {
  it('takes the OAuth client secret, code and state out of debug lines', () => {
    const { logger, bolt } = bridge();
    // As @slack/web-api and @slack/oauth write them (WebClient.js, install-provider.js).
    bolt.debug(
      `http request body: {"client_id":"1.2","client_secret":"${CLIENT_SECRET}","code":"1234.5678.abcdef","redirect_uri":"https://x/slack/oauth_redirect"}`,
    );
    bolt.debug(
      'Generated authorize URL: https://slack.com/oauth/v2/authorize?scope=chat%3Awrite&state=eyJhbGciOi.sig&client_id=1.2',
    );
    bolt.debug(`Running handleInstallPath() with {"stateSecret":"${STATE_SECRET}"}`);
    bolt.debug(
      'http request result: {"ok":true,"access_token":"xoxb-1-2-installtoken","refresh_token":"xoxe-1-r"}',
    );
    const text = JSON.stringify(logger.entries);
    for (const secret of [
      CLIENT_SECRET,
      '1234.5678.abcdef',
      'eyJhbGciOi.sig',
      STATE_SECRET,
      'xoxb-1-2-installtoken',
      'xoxe-1-r',
    ])
      expect(text).not.toContain(secret);
    expect(logger.entries.map((e) => e.message)).toEqual([
      'http request body: {"client_id":"1.2","client_secret":"[redacted]","code":"[redacted]","redirect_uri":"https://x/slack/oauth_redirect"}',
      'Generated authorize URL: https://slack.com/oauth/v2/authorize?scope=chat%3Awrite&state=[redacted]&client_id=1.2',
      'Running handleInstallPath() with {"stateSecret":"[redacted]"}',
      'http request result: {"ok":true,"access_token":"[redacted]","refresh_token":"[redacted]"}',
    ]);
    expect(logger.entries[0]).toMatchObject({ level: 'debug', details: { component: 'slack' } });
  });

  it('reduces message text to its length and caps a long line', () => {
    const { logger, bolt } = bridge();
    bolt.debug(
      'http request body: {"channel":"C1","text":"Besuch in Kolín am \\"Freitag\\"","unfurl_links":false}',
    );
    expect(logger.entries[0]?.message).toBe(
      'http request body: {"channel":"C1","text":"[30 characters]","unfurl_links":false}',
    );
    bolt.info('x'.repeat(BOLT_LINE_CAP + 250));
    expect(logger.entries[1]?.message).toBe(`${'x'.repeat(BOLT_LINE_CAP)}… (250 more characters)`);
  });
});
