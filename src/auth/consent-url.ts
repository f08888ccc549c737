// The Intuit consent page URL a person opens to connect the app to a company.
import { checkServiceUrl } from '../qbo/endpoints.js';

export const AUTHORIZATION_URL = 'https://appcenter.intuit.com/connect/oauth2';
export const ACCOUNTING_SCOPE = 'com.intuit.quickbooks.accounting';

/** Intuit's authorization page, unless `QBO_AUTH_URL` names another (https, or http on loopback: emulators, tests). */
export function authorizationUrl(env: Readonly<Record<string, string | undefined>>): string {
  const override = env['QBO_AUTH_URL']?.trim();
  return override ? checkServiceUrl(override, 'QBO_AUTH_URL') : AUTHORIZATION_URL;
}

export function consentUrl(options: { authorizationUrl: string; clientId: string; redirectUri: string; state: string }): string {
  const query = new URLSearchParams({
    client_id: options.clientId,
    response_type: 'code',
    scope: ACCOUNTING_SCOPE,
    redirect_uri: options.redirectUri,
    state: options.state,
  });
  return `${options.authorizationUrl}?${query.toString()}`;
}
