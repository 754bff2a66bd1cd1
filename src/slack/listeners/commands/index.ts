import type { App } from '@slack/bolt';
import type { ListenerDeps } from '../deps.js';
import { newsCommand } from './news.js';

export const NEWS_COMMAND = '/news';

export function registerCommands(app: App, deps: ListenerDeps): void {
  app.command(NEWS_COMMAND, newsCommand(deps));
}
