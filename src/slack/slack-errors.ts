/** Telling Slack's refusals (an `ok: false` answer to a Web API call) from other failures. */

/** The error code of a Web API call Slack refused ("not_in_channel", "invalid_auth" …), if that is what `error` is. */
export function slackRefusal(error: unknown): string | undefined {
  const e = error as { code?: unknown; data?: { error?: unknown } } | undefined;
  return e?.code === 'slack_webapi_platform_error' && typeof e.data?.error === 'string' ? e.data.error : undefined;
}
