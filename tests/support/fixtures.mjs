// The tests' shared fixtures (tests/fixtures/): sample documents, a fake API token and client secret. The same
// files feed the Rust tests and the practice Okta org (www/serve.mjs).
import { readFileSync } from 'node:fs';

const read = (name) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');

export const API_TOKEN = read('api-token.txt').trim();
export const CLIENT_SECRET = read('client-secret.txt').trim();
export const CUSTOM_DEFAULT = JSON.parse(read('custom-default.openid-configuration.json'));

export const OKTA_ORG = 'dev-12345678.okta.com';
export const METADATA_URL = `https://${OKTA_ORG}/oauth2/default/.well-known/openid-configuration`;
export const ANYPOINT_LIST_URL = 'https://anypoint.mulesoft.com/accounts/client-providers';
export const PRODUCT = 'Okta → Anypoint Assist';
