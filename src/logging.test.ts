import { describe, expect, it } from 'vitest';
import { createLogger } from './logging.ts';

/** What the logger wrote, one parsed JSON object per line. */
function capture(): {
  lines: () => Record<string, unknown>[];
  text: () => string;
  write(line: string): void;
} {
  let written = '';
  return {
    write: (line: string) => {
      written += line;
    },
    text: () => written,
    lines: () =>
      written
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

describe('log redaction', () => {
  it('keeps tokens, secrets, OAuth code and state and Authorization headers out of the log', () => {
    const out = capture();
    const logger = createLogger('debug', out);
    logger.info(
      {
        token: 'xoxb-top-level-bot-token',
        query: { code: 'oauth-code-4711', state: 'oauth-state-0815' },
        req: { body: { code: 'oauth-code-in-body' } },
        installation: { botToken: 'xoxb-nested-bot-token', team: 'T1' },
        oauth: { clientSecret: 'client-secret-value', clientId: '1.2' },
        slack: { signingSecret: 'signing-secret-value' },
        headers: { authorization: 'Bot discord-bot-token' },
        request: {
          headers: { Authorization: 'Bearer xoxb-header-token', 'content-type': 'application/json' },
        },
        err: { config: { headers: { Authorization: 'Bot discord-token-in-error' } } },
      },
      'oauth callback',
    );
    for (const secret of [
      'xoxb-top-level-bot-token',
      'oauth-code-4711',
      'oauth-state-0815',
      'oauth-code-in-body',
      'xoxb-nested-bot-token',
      'client-secret-value',
      'signing-secret-value',
      'discord-bot-token',
      'xoxb-header-token',
      'discord-token-in-error',
    ]) {
      expect(out.text()).not.toContain(secret);
    }
    // What is not secret stays, and the redacted fields show that they were there.
    expect(out.lines()[0]).toMatchObject({
      msg: 'oauth callback',
      token: '[redacted]',
      installation: { botToken: '[redacted]', team: 'T1' },
      oauth: { clientSecret: '[redacted]', clientId: '1.2' },
      request: { headers: { Authorization: '[redacted]', 'content-type': 'application/json' } },
    });
  });

  it('keeps error and close codes, which are not secrets', () => {
    const out = capture();
    createLogger('debug', out).warn(
      { shard: 0, code: 4014, err: { code: 'slack_webapi_platform_error' } },
      'x',
    );
    expect(out.lines()[0]).toMatchObject({ code: 4014, err: { code: 'slack_webapi_platform_error' } });
  });
});
