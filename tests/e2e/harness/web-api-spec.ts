/**
 * Checks a Web API call against Slack's specification (the methods Tidings calls, copied into
 * tests/fixtures/slack/web-api-methods.json): every required parameter present, none unknown.
 */
import { readFileSync } from 'node:fs';

interface Parameter {
  readonly name: string;
  readonly in: string;
  readonly required?: boolean;
}

const spec = JSON.parse(readFileSync('tests/fixtures/slack/web-api-methods.json', 'utf8')) as {
  paths: Record<string, Record<string, { parameters: Parameter[] }>>;
};

/**
 * Parameters @slack/web-api adds to every call on its own: Bolt's per-workspace clients send
 * team_id (which Slack accepts on every method, for org-wide installs); the 2021 spec lists it
 * on a few methods only.
 */
const ADDED_BY_THE_SDK = new Set(['team_id']);

export function paramProblems(method: string, params: Readonly<Record<string, string>>, authorization: string | undefined): string[] {
  const operations = spec.paths[`/${method}`];
  if (operations === undefined) return [`${method}: not a method Tidings is known to call`];
  const parameters = Object.values(operations).flatMap((op) => op.parameters);
  const known = new Set(parameters.map((p) => p.name));
  const problems: string[] = [];
  for (const name of Object.keys(params)) if (!known.has(name) && !ADDED_BY_THE_SDK.has(name)) problems.push(`${method}: unknown parameter ${name}`);
  for (const p of parameters.filter((p) => p.required)) {
    if (p.name === 'token') {
      if (params.token === undefined && !/^Bearer x(ox[a-z]|app)-/.test(authorization ?? '')) problems.push(`${method}: no token`);
    } else if (params[p.name] === undefined || params[p.name] === '') {
      problems.push(`${method}: required parameter ${p.name} missing`);
    }
  }
  return problems;
}
