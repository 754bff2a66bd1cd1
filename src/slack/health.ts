/** GET /health: whether the index is loaded and how big it is, for load balancers and people. */
import type { ServerResponse } from 'node:http';
import type { Engine } from '../engine/types.js';
import type { Route } from '../http/route.js';

export const HEALTH_PATH = '/health';

export function healthRoute(engine: Pick<Engine, 'stats'>): Route {
  return {
    path: HEALTH_PATH,
    method: ['GET'],
    handler: (_req, res: ServerResponse) => {
      const { summaries, stories, starting = false } = engine.stats;
      const loaded = summaries > 0;
      // 503 while there is nothing to answer from (yet), so a load balancer sends people elsewhere.
      res.writeHead(loaded ? 200 : 503, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ status: starting ? 'starting' : loaded ? 'ok' : 'empty', index: { loaded, summaries, stories } }));
    },
  };
}
