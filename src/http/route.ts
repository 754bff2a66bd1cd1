/**
 * Routes Tidings serves beside Slack's (GET /health, POST /v1/summaries), in the shape of Bolt's
 * custom routes, so that one route serves on the HTTP receiver, on the preview's page server, and
 * on the small server of Socket Mode (Bolt's own would listen on every interface).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

export interface Route {
  readonly path: string;
  readonly method: readonly string[];
  handler(req: IncomingMessage, res: ServerResponse): void;
}

/** The route for a request's path, if any; a method it does not take is its own business. */
export function routeFor(routes: readonly Route[], req: IncomingMessage): Route | undefined {
  const path = new URL(req.url ?? '/', 'http://tidings.invalid').pathname;
  return routes.find((route) => route.path === path && route.method.includes(req.method ?? 'GET'));
}

/** A server for the routes alone: anything else is a 404. */
export function createRouteServer(routes: readonly Route[]): Server {
  return createServer((req, res) => {
    const route = routeFor(routes, req);
    if (route !== undefined) return route.handler(req, res);
    res.writeHead(404, { 'content-type': 'application/json; charset=utf-8' }).end(`${JSON.stringify({ ok: false, error: 'not_found' })}\n`);
  });
}
