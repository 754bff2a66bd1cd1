/**
 * What Bolt's HTTP receiver needs to install Tidings in any workspace: the app's credentials, the
 * scopes of manifest.yml, the store of installations (tokens sealed with TIDINGS_TOKEN_KEY), a
 * state store that takes each install link once, Tidings' own result pages, and the Web API
 * address of the settings (oauth.v2.access and auth.test go there too).
 *
 * /slack/install sends the browser straight to Slack's authorize page (directInstall): that is
 * the "Direct Install URL" the Slack Marketplace asks for, and there is nothing to read first.
 */
import type { HTTPReceiverOptions, webApi } from '@slack/bolt';
import { OAUTH_REDIRECT_PATH } from '../../config.js';
import { createTokenSeal } from '../../secrets/token-seal.js';
import type { SqlInstallationStore } from '../../store/sql-installation-store.js';
import type { InstallStores } from '../../store/store.js';
import type { SlackConnection } from '../mode.js';
import { INSTALL_PATH, installFailed, installSucceeded } from './install-pages.js';
import { manifestBotScopes } from './manifest-scopes.js';
import { createOnceStateStore, STATE_LIFETIME_MS } from './state-store.js';

type OAuthConnection = Extract<SlackConnection, { mode: 'oauth' }>;

export type OAuthReceiverOptions = Required<Pick<HTTPReceiverOptions, 'clientId' | 'clientSecret' | 'scopes' | 'installationStore' | 'installerOptions'>> &
  Pick<HTTPReceiverOptions, 'redirectUri'>;

export function oauthReceiverOptions(
  connection: OAuthConnection,
  installs: InstallStores,
  clientOptions: webApi.WebClientOptions,
  clock: () => number,
): { readonly options: OAuthReceiverOptions; readonly installations: SqlInstallationStore } {
  const seal = createTokenSeal(connection.tokenKey, connection.previousTokenKey === undefined ? [] : [connection.previousTokenKey]);
  const installations = installs.installationStore(seal, clock);
  return {
    installations,
    options: {
      clientId: connection.clientId,
      clientSecret: connection.clientSecret,
      scopes: manifestBotScopes(),
      installationStore: installations,
      ...(connection.redirectUri !== undefined && { redirectUri: connection.redirectUri }),
      installerOptions: {
        installPath: INSTALL_PATH,
        redirectUriPath: OAUTH_REDIRECT_PATH,
        directInstall: true,
        stateStore: createOnceStateStore(connection.stateSecret, installs),
        stateCookieExpirationSeconds: STATE_LIFETIME_MS / 1000,
        callbackOptions: { success: installSucceeded, failure: installFailed },
        clientOptions: { ...clientOptions },
      },
    },
  };
}
