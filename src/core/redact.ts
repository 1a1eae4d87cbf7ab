/** What replaces a secret in any text kabar prints. */
export const REDACTED = '[redacted]';

/** Secrets shorter than this are not searched for literally (they would blank ordinary words). */
const MIN_SECRET_LENGTH = 4;

/** Shapes of credentials a server may echo back: URL user info, Authorization values, API-key fields, OpenAI-style keys. */
const PATTERNS: [RegExp, string][] = [
  [/(\b[a-z][a-z0-9+.-]*:\/\/)[^\s/?#@]+@/gi, `$1${REDACTED}@`],
  [/(\bauthorization["']?\s*[:=]\s*["']?)(?:(?:bearer|basic|token)\s+)?[^\s"',;}]+/gi, `$1${REDACTED}`],
  [/\b(bearer|basic)\s+[A-Za-z0-9._~+/=-]{8,}/gi, `$1 ${REDACTED}`],
  [/(\b(?:x-)?api[-_]?key["']?\s*[:=]\s*["']?)[^\s"',;&}]+/gi, `$1${REDACTED}`],
  [/\bsk-[A-Za-z0-9_-]{8,}/g, REDACTED],
];

/**
 * Text that may quote a server's reply, with every secret taken out: the given secrets wherever they
 * appear, and anything shaped like a credential (URL user info, Authorization and API-key values,
 * `sk-…` keys).
 */
export function redactSecrets(text: string, secrets: readonly (string | undefined)[] = []): string {
  let out = text;
  for (const secret of secrets)
    if (secret && secret.length >= MIN_SECRET_LENGTH) out = out.split(secret).join(REDACTED);
  for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement);
  return out;
}

const decoded = (text: string): string => {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
};

/** The user info (`user:password`) of a URL and its password, as written and decoded; the user name alone is no secret. */
function credentialsIn(url: string | undefined): string[] {
  const info = url ? /^[a-z][a-z0-9+.-]*:\/\/([^/?#@]+)@/i.exec(url.trim())?.[1] : undefined;
  if (!info) return [];
  const password = info.includes(':') ? info.slice(info.indexOf(':') + 1) : '';
  return [info, password, decoded(password)];
}

/** The secrets the environment configures: API keys and credentials inside server addresses. */
export const configuredSecrets = (env: NodeJS.ProcessEnv): string[] =>
  [env.OPENAI_API_KEY, ...credentialsIn(env.OPENAI_BASE_URL), ...credentialsIn(env.OLLAMA_HOST)].filter(
    (s): s is string => Boolean(s),
  );
