import type { App } from '@slack/bolt';
import type { ListenerDeps } from '../deps.js';
import { directMessage } from './direct-message.js';
import { homeOpened } from './home-opened.js';
import { appMention } from './mention.js';
import { appUninstalled, tokensRevoked } from './workspace-gone.js';

export function registerEvents(app: App, deps: ListenerDeps): void {
  app.event('app_mention', appMention(deps));
  app.event('message', directMessage(deps));
  app.event('app_home_opened', homeOpened(deps));
  app.event('app_uninstalled', appUninstalled(deps));
  app.event('tokens_revoked', tokensRevoked(deps));
}
