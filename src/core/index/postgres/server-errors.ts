import { UserError } from '../../errors.js';

/** Where a store URL points, for messages: user, host, port and database, never the password. */
export function describeServer(url: string): { where: string; user: string; database: string } {
  const parsed = new URL(url);
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, '')) || 'postgres';
  const user = decodeURIComponent(parsed.username) || 'the default user';
  return { where: `${parsed.hostname || 'localhost'}:${parsed.port || '5432'}/${database}`, user, database };
}

const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'ETIMEDOUT']);
const LOST = new Set(['ECONNRESET', 'EPIPE', '57P01', '57P02', '57P03', '08000', '08003', '08006']);

/**
 * The UserError for a failure a user can fix or retry (server down, wrong password, missing database,
 * connection lost); other errors come back unchanged. A failed write was rolled back by the server.
 */
export function serverError(error: unknown, url: string): unknown {
  if (!(error instanceof Error)) return error;
  const code = (error as { code?: string }).code ?? '';
  const { where, user, database } = describeServer(url);
  if (UNREACHABLE.has(code) || /timeout exceeded when trying to connect/i.test(error.message)) {
    return new UserError(
      'SERVER_UNREACHABLE',
      `Cannot reach the PostgreSQL server at ${where} (${code || 'timed out'}).`,
      {
        hint: 'Check that the server is running and that --store or KABAR_STORE names the right host and port.',
        cause: error,
      },
    );
  }
  if (code === '28P01') {
    return new UserError('SERVER_REJECTED', `The PostgreSQL server at ${where} refused the password for ${user}.`, {
      hint: 'Put the right user and password in the --store or KABAR_STORE URL (postgres://USER:PASSWORD@HOST:PORT/DATABASE).',
      cause: error,
    });
  }
  if (code === '28000') {
    return new UserError(
      'SERVER_REJECTED',
      `The PostgreSQL server at ${where} does not let ${user} log in (${error.message}).`,
      {
        hint: 'Use a user the server accepts, or ask its administrator to allow this one in pg_hba.conf.',
        cause: error,
      },
    );
  }
  if (code === '3D000') {
    return new UserError('SERVER_REJECTED', `The PostgreSQL server at ${where} has no database ${database}.`, {
      hint: `Create it (createdb ${database}) or name an existing database in the --store or KABAR_STORE URL.`,
      cause: error,
    });
  }
  if (LOST.has(code) || /Connection terminated|connection error/i.test(error.message)) {
    return new UserError(
      'SERVER_UNREACHABLE',
      `The connection to the PostgreSQL server at ${where} was lost; anything this command was writing was rolled back.`,
      {
        hint: 'Check the server and run the command again.',
        cause: error,
      },
    );
  }
  if (code === '40P01') {
    return new UserError(
      'INDEX_LOCKED',
      `Another writer changed the index on ${where} at the same moment; this change was rolled back.`,
      {
        hint: 'Run the command again.',
        cause: error,
      },
    );
  }
  return error;
}
