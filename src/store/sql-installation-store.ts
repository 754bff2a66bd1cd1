/**
 * Bolt's InstallationStore in SQL: one row a workspace that installed Tidings, its bot token
 * sealed (../secrets/token-seal.ts) before it reaches the database and opened only when a request
 * from that workspace needs it. Bolt calls storeInstallation at the end of an install,
 * fetchInstallation to authorize each request, deleteInstallation when told (app_uninstalled).
 *
 * Only what Tidings uses is kept: the bot's token, ids and scopes, who installed it and when.
 * Tidings asks for no user scopes and has token rotation off (manifest.yml), so a user token or a
 * refresh token has no place here; org-wide installs are not offered (org_deploy_enabled: false)
 * and are refused.
 */
import type { Installation, InstallationQuery, InstallationStore } from '@slack/bolt';
import type { TokenSeal } from '../secrets/token-seal.js';
import { toOptionalString, type Row, type SqlDatabase } from './sql.js';

export interface SqlInstallationStore extends Required<InstallationStore> {
  /** The workspace's installation with its token opened, or undefined when it has none. */
  findInstallation(teamId: string): Promise<Installation<'v2', false> | undefined>;
}

export class InstallationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InstallationError';
  }
}

const COLUMNS = 'team_id, team_name, enterprise_id, app_id, bot_user_id, bot_id, scopes, bot_token, installer_user_id, installed_at, updated_at';

/** `clock` stamps installed_at and updated_at (Bolt passes no time). */
export function createSqlInstallationStore(db: SqlDatabase, seal: TokenSeal, clock: () => number = Date.now): SqlInstallationStore {
  const findInstallation = async (teamId: string): Promise<Installation<'v2', false> | undefined> => {
    const [row] = await db.query(`SELECT ${COLUMNS} FROM installations WHERE team_id = $1`, [teamId]);
    if (row === undefined) return undefined;
    const sealed = String(row.bot_token);
    const installation = installationOf(row, seal.open(sealed));
    // A token sealed with the previous key is sealed again with the current one, so that the old
    // key can be dropped once every workspace has been seen. Only if the row is still this blob.
    if (!seal.isCurrent(sealed)) {
      await db.run('UPDATE installations SET bot_token = $1 WHERE team_id = $2 AND bot_token = $3', [seal.seal(installation.bot!.token), teamId, sealed]);
    }
    return installation;
  };

  return {
    async storeInstallation(installation) {
      if (installation.isEnterpriseInstall === true || installation.team?.id === undefined) {
        throw new InstallationError('an org-wide install was refused: Tidings installs in one workspace at a time');
      }
      const bot = installation.bot;
      if (bot === undefined) throw new InstallationError(`the install of team ${installation.team.id} has no bot token: was the bot scope removed from the app?`);
      const now = clock();
      // A workspace that installs again (new scopes, a new token) keeps its first installed_at.
      await db.run(
        `INSERT INTO installations (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10)
         ON CONFLICT (team_id) DO UPDATE SET team_name = excluded.team_name, enterprise_id = excluded.enterprise_id, app_id = excluded.app_id,
           bot_user_id = excluded.bot_user_id, bot_id = excluded.bot_id, scopes = excluded.scopes, bot_token = excluded.bot_token,
           installer_user_id = excluded.installer_user_id, updated_at = excluded.updated_at`,
        [
          installation.team.id,
          installation.team.name ?? null,
          installation.enterprise?.id ?? null,
          installation.appId ?? null,
          bot.userId,
          bot.id,
          bot.scopes.join(','),
          seal.seal(bot.token),
          installation.user.id,
          now,
        ],
      );
    },

    async fetchInstallation(query: InstallationQuery<boolean>) {
      // Bolt takes a throw as "not authorized" and says so in its log.
      const installation = query.teamId === undefined ? undefined : await findInstallation(query.teamId);
      if (installation === undefined) throw new InstallationError(`no installation for team ${query.teamId ?? '(none)'}: Tidings is not installed there`);
      return installation;
    },

    async deleteInstallation(query: InstallationQuery<boolean>) {
      if (query.teamId !== undefined) await db.run('DELETE FROM installations WHERE team_id = $1', [query.teamId]);
    },

    findInstallation,
  };
}

function installationOf(row: Row, token: string): Installation<'v2', false> {
  const teamName = toOptionalString(row.team_name);
  const enterpriseId = toOptionalString(row.enterprise_id);
  const appId = toOptionalString(row.app_id);
  return {
    team: { id: String(row.team_id), ...(teamName !== undefined && { name: teamName }) },
    enterprise: enterpriseId === undefined ? undefined : { id: enterpriseId },
    user: { id: String(row.installer_user_id), token: undefined, scopes: undefined },
    bot: { token, id: String(row.bot_id), userId: String(row.bot_user_id), scopes: String(row.scopes).split(',').filter((s) => s !== '') },
    ...(appId !== undefined && { appId }),
    tokenType: 'bot',
    isEnterpriseInstall: false,
    authVersion: 'v2',
  };
}
