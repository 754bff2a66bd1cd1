/**
 * Logs: pino, one JSON object a line. Secrets never reach a line, by two nets: known secret
 * fields are redacted by path, and every written line is scrubbed of anything shaped like a Slack
 * token or a password in a connection string (which may hide inside an error message).
 */
import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger } from 'pino';

const SECRET_KEYS = ['token', 'botToken', 'appToken', 'signingSecret', 'clientSecret', 'password', 'databaseUrl', 'authorization'];

const REDACT_PATHS = [
  ...SECRET_KEYS,
  ...SECRET_KEYS.map((key) => `*.${key}`),
  ...SECRET_KEYS.map((key) => `*.*.${key}`),
  'headers.authorization',
  'req.headers.authorization',
  'headers["x-slack-signature"]',
  'req.headers["x-slack-signature"]',
];

/** Slack tokens (xoxb-, xoxp-, xapp- …) and user:password@ in URLs. */
const TOKEN = /\b(xox[a-z]|xapp)-[A-Za-z0-9-]+/g;
const URL_PASSWORD = /(\b[a-z][a-z0-9+.-]*:\/\/[^:\s/@"]+:)[^@\s/"]+@/gi;
/**
 * The app's client secret as a field inside text: the Web API client's debug lines print the body
 * of oauth.v2.access as JSON in the message (`\"client_secret\":\"…\"`), and it redacts only
 * fields named like tokens.
 */
const CLIENT_SECRET = /(client_secret(?:\\?")?\s*[:=]\s*(?:\\?")?)[^"\\&\s]+/gi;

export function scrubSecrets(line: string): string {
  return line.replace(TOKEN, '$1-[redacted]').replace(URL_PASSWORD, '$1[redacted]@').replace(CLIENT_SECRET, '$1[redacted]');
}

export function createLogger(level: string = 'info', destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { app: 'tidings' },
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      hooks: {
        streamWrite: scrubSecrets,
      },
    },
    destination ?? pino.destination({ dest: 1, sync: false }),
  );
}
