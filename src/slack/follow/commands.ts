/**
 * `/news follow …`: the FollowCommands the Slack app hands everything after "follow" to. Parsing
 * and the matching are the core's (src/follow/); this file asks the engine and the store, and
 * picks the reply. A follow's quiet start is taken when it is made: what matches then is not news.
 */
import { FOLLOW_USAGE, parseFollowCommand } from '../../follow/command.js';
import { MAX_FOLLOWS_PER_CHANNEL, type Follow } from '../../follow/follow.js';
import type { FollowStore } from '../../follow/ports.js';
import { matchingStories } from '../../follow/stories.js';
import type { Engine } from '../../engine/types.js';
import type { Logger } from '../../log.js';
import { checkDigestChannel, type ChannelCheckWords } from '../digest/channel-check.js';
import type { FollowCommandReply, FollowCommandRequest, FollowCommands } from '../follow-commands.js';
import { resumeTarget } from '../../digest/resume-target.js';
import { resumeFollowNow } from './resume.js';
import { followConfirmedView, followErrorView, followHelpView, followListView, followOffView, followResumedView } from '../views/follow-replies.js';

export interface FollowCommandsOptions {
  readonly store: FollowStore;
  readonly engine: Engine;
  readonly logger: Logger;
}

export const FOLLOW_WORDS: ChannelCheckWords = {
  one: 'follow',
  many: 'follows',
  why: 'I need to be in it to post each new story, and to update it as it grows.',
};

export function createFollowCommands({ store, engine, logger }: FollowCommandsOptions): FollowCommands {
  async function follow(question: string, request: FollowCommandRequest): Promise<FollowCommandReply> {
    // Asked before anything is stored: a follow that cannot post would only pause at its first story.
    const check = await checkDigestChannel(request.client, request.channelId, request.channelName, FOLLOW_WORDS);
    if (!check.ok) return followErrorView(check.reason);
    const matching = matchingStories(engine, question, request.now, request.teamId);
    const quietMembers = [...new Set(matching.flatMap((result) => result.story.memberIds))];
    const created = await store.createFollow({ teamId: request.teamId, channelId: request.channelId, createdBy: request.userId, question, quietMembers, createdAt: request.now }, MAX_FOLLOWS_PER_CHANNEL);
    if (!created.ok) return followErrorView(`This channel follows ${created.limit} questions already, the most it may: \`/news follow off [id]\` one first.`);
    logger.info({ followId: created.follow.id, team: request.teamId, channel: request.channelId, user: request.userId, quiet: matching.length }, 'follow made');
    return followConfirmedView(created.follow, matching.length);
  }

  async function off(id: string | undefined, request: FollowCommandRequest): Promise<FollowCommandReply> {
    const follows = await store.listFollows(request.channelId, request.teamId);
    const target: Follow | undefined = id === undefined ? (follows.length === 1 ? follows[0] : undefined) : follows.find((f) => f.id === id);
    if (target === undefined) {
      if (follows.length === 0) return followErrorView('This channel follows nothing.');
      return followErrorView(id === undefined ? 'This channel has several follows: say which, as in `/news follow off 3` (`/news follow list` shows them).' : `This channel has no follow ${id}: \`/news follow list\` shows them.`);
    }
    await store.deleteFollow(request.channelId, target.id, request.teamId);
    logger.info({ followId: target.id, team: request.teamId, channel: request.channelId, user: request.userId }, 'follow turned off');
    return followOffView(target);
  }

  /**
   * A paused follow on again, once Tidings can post in the channel again. Its quiet start is
   * taken again: what matched while it was paused is not news, only what breaks from now on.
   */
  async function resume(id: string | undefined, request: FollowCommandRequest): Promise<FollowCommandReply> {
    const target = resumeTarget(await store.listFollows(request.channelId, request.teamId), id, 'follow');
    if (!target.ok) return followErrorView(target.error);
    const check = await checkDigestChannel(request.client, request.channelId, request.channelName, FOLLOW_WORDS);
    if (!check.ok) return followErrorView(check.reason);
    await resumeFollowNow(store, engine, target.target, request.now);
    logger.info({ followId: target.target.id, channel: request.channelId, user: request.userId }, 'follow resumed');
    return followResumedView(target.target);
  }

  return {
    async handle(request) {
      const parsed = parseFollowCommand(request.args);
      if (!parsed.ok) return followErrorView(parsed.error);
      const command = parsed.command;
      switch (command.kind) {
        case 'help':
          return followHelpView(FOLLOW_USAGE);
        case 'follow':
          return follow(command.question, request);
        case 'list': {
          const follows = await store.listFollows(request.channelId, request.teamId);
          return { ...followListView(follows, FOLLOW_USAGE), results: follows.length };
        }
        case 'off':
          return off(command.id, request);
        case 'resume':
          return resume(command.id, request);
      }
    },
  };
}
