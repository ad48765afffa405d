/**
 * Whether an error from Prisma (on @prisma/adapter-pg and pg) means the database could not be
 * reached — the server restarting or down, our connections terminated, no connection to be had —
 * rather than a problem with the statement. Those are worth trying again in a moment.
 */

/**
 * Prisma's codes for a server that cannot be reached (P1001), a connect timeout (P1002), an
 * operation timeout (P1008), a closed connection (P1017) and no pooled connection in time (P2024).
 */
const PRISMA_UNREACHABLE_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024']);
/** The driver adapter's error kinds for the same. */
const ADAPTER_UNREACHABLE_KINDS = new Set([
  'DatabaseNotReachable',
  'ConnectionClosed',
  'SocketTimeout',
  'TooManyConnections',
]);
/**
 * PostgreSQL's SQLSTATE classes 08 (connection exception) and 57P01-57P03 (terminated by an
 * administrator, a crash of another backend, the server starting up or shutting down), 53300
 * (too many connections).
 */
const POSTGRES_UNREACHABLE = /^(08|57P0[123]$|53300$)/;
/** What pg and node say when a connection broke under a query. */
const BROKEN_CONNECTION =
  /Connection terminated|not queryable|Client was closed|ECONNREFUSED|ECONNRESET|EPIPE|timeout exceeded when trying to connect|Unable to start a transaction in the given time/;

interface ErrorShape {
  code?: unknown;
  message?: unknown;
  meta?: { driverAdapterError?: { cause?: { kind?: unknown; code?: unknown; originalCode?: unknown } } };
  cause?: unknown;
}

export function isDatabaseUnreachable(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 3) return false;
  const e = error as ErrorShape;
  if (typeof e.code === 'string' && PRISMA_UNREACHABLE_CODES.has(e.code)) return true;
  if (typeof e.code === 'string' && POSTGRES_UNREACHABLE.test(e.code)) return true;
  const cause = e.meta?.driverAdapterError?.cause;
  if (typeof cause?.kind === 'string' && ADAPTER_UNREACHABLE_KINDS.has(cause.kind)) return true;
  const sqlState = cause?.originalCode ?? cause?.code;
  if (typeof sqlState === 'string' && POSTGRES_UNREACHABLE.test(sqlState)) return true;
  if (typeof e.message === 'string' && BROKEN_CONNECTION.test(e.message)) return true;
  return isDatabaseUnreachable(e.cause, depth + 1);
}
