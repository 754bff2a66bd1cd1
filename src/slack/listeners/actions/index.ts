import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { ACTION } from '../../button-value.js';
import type { ListenerDeps } from '../deps.js';
import { fullBriefAction } from './full-brief.js';
import { homeRowAction } from './home-row.js';
import { pageAction } from './page.js';
import { shareAction } from './share.js';

export function registerActions(app: App, deps: ListenerDeps): void {
  app.action<BlockAction<ButtonAction>>(ACTION.fullBrief, fullBriefAction(deps));
  app.action<BlockAction<ButtonAction>>(ACTION.more, pageAction(deps, 'more'));
  app.action<BlockAction<ButtonAction>>(ACTION.back, pageAction(deps, 'back'));
  app.action<BlockAction<ButtonAction>>(ACTION.share, shareAction(deps));
  app.action<BlockAction<ButtonAction>>(ACTION.homePause, homeRowAction(deps, 'pause'));
  app.action<BlockAction<ButtonAction>>(ACTION.homeResume, homeRowAction(deps, 'resume'));
  app.action<BlockAction<ButtonAction>>(ACTION.homeRemove, homeRowAction(deps, 'remove'));
}
