/**
 * The settings of /healthz and /metrics (src/observability), validated with the rest of the
 * configuration in config.ts. Where they are served:
 *   TWINBRIDGE_HTTP_PORT unset   Slack in HTTP mode: on Slack's server (SLACK_PORT); another
 *                                platform configured: port 9464; the console alone: off
 *   TWINBRIDGE_HTTP_PORT=<port>  a server of their own on that port (0: any free one)
 *   TWINBRIDGE_HTTP_PORT=off     not served
 */
import { z } from 'zod';

/** The port Prometheus' exporters conventionally take for an application's own metrics. */
export const DEFAULT_HTTP_PORT = 9464;

/** Unset and empty alike mean "the default". */
const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

const PORT = 'a port from 0 to 65535, or off';

export const HTTP_SETTINGS = {
  TWINBRIDGE_HTTP_PORT: optionalText.pipe(
    z
      .union([z.literal('off'), z.coerce.number<string>().int(PORT).min(0, PORT).max(65535, PORT)], PORT)
      .optional(),
  ),
  TWINBRIDGE_HTTP_HOST: optionalText.transform((v) => v ?? '127.0.0.1'),
  TWINBRIDGE_HEALTH_MAX_DUE_SECONDS: optionalText.pipe(
    z.coerce.number<string | undefined>().int('whole seconds').min(1, 'at least 1 second').default(900),
  ),
};

type HttpSettings = z.infer<z.ZodObject<typeof HTTP_SETTINGS>>;

export interface HttpConfig {
  /** Where the endpoints are served: not at all, on Slack's HTTP server, or on their own. */
  serve: 'off' | 'slack' | { port: number; host: string };
  /** Longest a due delivery may wait before /healthz answers 503. */
  maxDueAgeSeconds: number;
}

export function httpConfig(
  settings: HttpSettings,
  running: { platformConfigured: boolean; slackHttp: boolean },
): HttpConfig {
  const port = settings.TWINBRIDGE_HTTP_PORT;
  const own = (p: number) => ({ port: p, host: settings.TWINBRIDGE_HTTP_HOST });
  let serve: HttpConfig['serve'];
  if (port === 'off') serve = 'off';
  else if (port !== undefined) serve = own(port);
  else if (running.slackHttp) serve = 'slack';
  else serve = running.platformConfigured ? own(DEFAULT_HTTP_PORT) : 'off';
  return { serve, maxDueAgeSeconds: settings.TWINBRIDGE_HEALTH_MAX_DUE_SECONDS };
}
