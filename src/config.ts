// The connector config: spec.json validated with ajv, defaults applied, the pre-4.0 nested
// `credentials` form lifted to the top level, every problem reported at once naming the field.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ErrorObject } from 'ajv';
import addFormatsModule from 'ajv-formats';
import {
  ConfigError,
  clientCredentialForms,
  packageRoot,
  type ConnectorSpecification,
  type JsonObject,
  type Logger,
  type ValidationMode,
} from './cdk/index.js';
import { flattenCredentials, normalizeRealmId } from './qbo/credentials.js';
import { resolveAliases, warnUnknownSettings } from './config-aliases.js';
import { refuseFutureInstant } from './streams/future-instant.js';

export type AccountingMethod = 'Accrual' | 'Cash' | 'Both';
export type ReportPeriod = 'Month' | 'Quarter' | 'Year';

export interface CustomQuery {
  name: string;
  entity: string;
  where?: string;
}

export interface QboConfig {
  /** The config as the platform stores it (flattened); re-emitted whole with rotated tokens. */
  raw: JsonObject;
  clientId: string;
  clientSecret: string;
  refreshToken: string;
  realmId: string;
  startDate: string;
  sandbox: boolean;
  accessToken: string | undefined;
  tokenExpiryDate: string | undefined;
  minorVersion: number;
  pageSize: number;
  maxConcurrentRequests: number;
  requestsPerMinute: number;
  lookbackWindowSeconds: number;
  useCdc: boolean;
  useBatch: boolean;
  emitEstimates: boolean;
  requestTimeoutSeconds: number;
  maxRetries: number;
  maxConcurrentStreams: number;
  reports: string[];
  reportAccountingMethod: AccountingMethod;
  reportPeriod: ReportPeriod;
  reportStartDate: string;
  reportRefreshPeriods: number;
  customQueries: CustomQuery[];
  validateRecords: ValidationMode;
  /** Only the webhooks receiver uses it. */
  webhookVerifierToken: string | undefined;
}

export const SECRET_FIELDS = ['client_secret', 'refresh_token', 'access_token', 'webhook_verifier_token'];

let cachedSpec: ConnectorSpecification | undefined;

export function loadSpec(): ConnectorSpecification {
  cachedSpec ??= JSON.parse(readFileSync(join(packageRoot(), 'spec.json'), 'utf8')) as ConnectorSpecification;
  return cachedSpec;
}

// ajv-formats is CommonJS; its default export arrives wrapped under NodeNext.
const addFormats = (addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule;
let validator: ReturnType<Ajv['compile']> | undefined;

function validate(config: JsonObject): ErrorObject[] {
  if (!validator) {
    const ajv = new Ajv({ allErrors: true, useDefaults: true, strict: false });
    (addFormats as unknown as (a: Ajv) => void)(ajv);
    validator = ajv.compile(loadSpec().connectionSpecification);
  }
  return validator(config) ? [] : [...(validator.errors ?? [])];
}

function describe(error: ErrorObject): string {
  const path = error.instancePath.replace(/^\//, '').replace(/\//g, '.');
  if (error.keyword === 'required') return `"${String(error.params['missingProperty'])}" is required`;
  if (error.keyword === 'additionalProperties') return `"${path}" has an unknown field`;
  const field = path === '' ? 'the config' : `"${path}"`;
  return `${field} ${error.message ?? 'is invalid'}`;
}

/**
 * `logger` hears about settings nobody reads. `raw` keeps the names as given (aliases included): it is
 * what CONTROL messages and write-backs carry back, so the user's file keeps its own spelling.
 */
export function parseConfig(input: JsonObject, logger?: Logger): QboConfig {
  const raw = normalizeRealmId(flattenCredentials(input));
  warnUnknownSettings(input, Object.keys(loadSpec().connectionSpecification['properties'] as JsonObject), logger);
  // realm_id again after the aliases: a realmId alias may carry the spaces too.
  const withDefaults: JsonObject = normalizeRealmId(resolveAliases(structuredClone(raw)));
  const problems = validate(withDefaults).map(describe);
  if (problems.length > 0) {
    throw new ConfigError(`Invalid config: ${[...new Set(problems)].join('; ')}. Fix these fields and retry.`);
  }
  const c = withDefaults as Record<string, unknown>;
  const startDate = c['start_date'] as string;
  refuseFutureInstant(startDate, 'start_date', 'Set start_date to the earliest date to replicate, in the past.');
  return {
    raw,
    clientId: c['client_id'] as string,
    clientSecret: c['client_secret'] as string,
    refreshToken: c['refresh_token'] as string,
    realmId: c['realm_id'] as string,
    startDate,
    sandbox: c['sandbox'] as boolean,
    accessToken: c['access_token'] as string | undefined,
    tokenExpiryDate: c['token_expiry_date'] as string | undefined,
    minorVersion: c['minor_version'] as number,
    pageSize: c['page_size'] as number,
    maxConcurrentRequests: c['max_concurrent_requests'] as number,
    requestsPerMinute: c['requests_per_minute'] as number,
    lookbackWindowSeconds: c['lookback_window_seconds'] as number,
    useCdc: c['use_cdc'] as boolean,
    useBatch: c['use_batch'] as boolean,
    emitEstimates: c['emit_estimates'] as boolean,
    requestTimeoutSeconds: c['request_timeout_seconds'] as number,
    maxRetries: c['max_retries'] as number,
    maxConcurrentStreams: c['max_concurrent_streams'] as number,
    reports: c['reports'] as string[],
    reportAccountingMethod: c['report_accounting_method'] as AccountingMethod,
    reportPeriod: c['report_period'] as ReportPeriod,
    reportStartDate: (c['report_start_date'] as string | undefined) ?? startDate.slice(0, 10),
    reportRefreshPeriods: c['report_refresh_periods'] as number,
    customQueries: c['custom_queries'] as CustomQuery[],
    validateRecords: c['validate_records'] as ValidationMode,
    webhookVerifierToken: c['webhook_verifier_token'] as string | undefined,
  };
}

/** Every secret value of a raw config (nested form included), for the output scrubber. */
export function secretsOf(input: JsonObject): string[] {
  const flat = flattenCredentials(input);
  const creds = input['credentials'];
  const values: unknown[] = SECRET_FIELDS.map((f) => flat[f]);
  if (creds !== null && typeof creds === 'object') values.push(...SECRET_FIELDS.map((f) => (creds as JsonObject)[f]));
  // The Basic header the token request carries decodes to the client_secret: its forms are secrets too.
  const [id, secret] = [flat['client_id'], flat['client_secret']];
  if (typeof id === 'string' && typeof secret === 'string' && secret !== '') values.push(...clientCredentialForms(id, secret));
  return values.filter((v): v is string => typeof v === 'string' && v.length > 0);
}
