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

describe('redaction inside text', () => {
  const configured = ['discord-configured-token-value', 'signing-secret-configured'];

  it('takes configured secrets and secret shapes out of messages', () => {
    const out = capture();
    const logger = createLogger('debug', out, configured);
    logger.debug({}, 'gateway identify with discord-configured-token-value');
    logger.info({}, 'GET /slack/oauth_redirect?code=oauth-code-text&state=oauth-state-text');
    logger.info({}, 'form client_secret=client-secret-text&code=form-code');
    logger.info({}, '{"token":"json-token-text","code":"json-code-text","ok":true}');
    logger.info({}, 'Authorization: Bearer bearer-token-text; bot xoxb-9-9-shape-token');
    const text = out.text();
    for (const secret of [
      'discord-configured-token-value',
      'oauth-code-text',
      'oauth-state-text',
      'client-secret-text',
      'form-code',
      'json-token-text',
      'json-code-text',
      'bearer-token-text',
      'xoxb-9-9-shape-token',
    ])
      expect(text).not.toContain(secret);
    expect(out.lines().map((line) => line.msg)).toEqual([
      'gateway identify with [redacted]',
      'GET /slack/oauth_redirect?code=[redacted]&state=[redacted]',
      'form client_secret=[redacted]&code=[redacted]',
      '{"token":"[redacted]","code":"[redacted]","ok":true}',
      'Authorization: Bearer [redacted]; bot [redacted]',
    ]);
  });

  it('takes the translation services’ keys out, as fields, in bodies and in the DeepL header', () => {
    const out = capture();
    const logger = createLogger('debug', out, []);
    logger.info({ apiKey: 'field-api-key', config: { api_key: 'nested-api-key' } }, 'configured');
    logger.info({}, '{"q":"Hallo","api_key":"body-api-key-text"}');
    logger.info({}, 'form q=Hallo&api_key=form-api-key-text&auth_key=form-auth-key-text');
    logger.info({}, 'Authorization: DeepL-Auth-Key 279a2e9d-83b3-c416:fx');
    const text = out.text();
    for (const secret of [
      'field-api-key',
      'nested-api-key',
      'body-api-key-text',
      'form-api-key-text',
      'form-auth-key-text',
      '279a2e9d-83b3-c416:fx',
    ])
      expect(text).not.toContain(secret);
    expect(out.lines()[3]?.msg).toBe('Authorization: DeepL-Auth-Key [redacted]');
  });

  it('takes them out of errors, and leaves out the message a failed post carried', () => {
    const out = capture();
    const error = Object.assign(new Error('401 for signing-secret-configured'), {
      requestBody: { json: { content: 'announcement text of a town' } },
      code: 50001,
    });
    createLogger('debug', out, configured).error({ err: error }, 'post failed');
    const text = out.text();
    expect(text).not.toContain('signing-secret-configured');
    expect(text).not.toContain('announcement text');
    expect(out.lines()[0]).toMatchObject({
      err: { message: '401 for [redacted]', code: 50001, requestBody: '[omitted]' },
    });
  });
});
