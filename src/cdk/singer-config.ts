import { existsSync } from 'node:fs';
import { ConfigError } from './errors.js';
import { readJsonFile } from './json-file.js';
import type { JsonObject } from './protocol.js';

/** The `--config` value that means "read TAP_<NAME>_<SETTING> environment variables" (Meltano SDK convention). */
export const ENV_CONFIG = 'ENV';

/** The config setting naming the token store file. */
export const TOKEN_STORE_SETTING = 'token_store_path';

export interface SingerConfigOptions {
  /** The `--config` values in command-line order; later ones win (shallow merge). */
  paths: string[];
  env: NodeJS.ProcessEnv;
  /** Prefix of the variables `--config=ENV` reads, e.g. `TAP_FOO_`. */
  envPrefix: string;
  /** The spec's connectionSpecification: which settings exist and their types (for ENV values). */
  settings: JsonObject;
  /** The environment variable that may name the token store file (the config setting wins). */
  tokenStoreEnvVar?: string;
}

export interface LoadedSingerConfig {
  /** The merged config with the token store applied. */
  config: JsonObject;
  /** The last real `--config` file: where a changed config is written back. */
  writeBackPath: string | undefined;
  tokenStorePath: string | undefined;
  /** The keys whose values came from the token store (for a log line; never log the values). */
  tokenStoreKeys: string[];
}

/**
 * Merge the `--config` sources, then overlay the token store: it holds credentials rotated by earlier
 * runs, which must beat the (possibly regenerated, stale) config Meltano passes.
 */
export function loadSingerConfig(options: SingerConfigOptions): LoadedSingerConfig {
  if (options.paths.length === 0) throw new ConfigError('No config given. Pass --config <config.json> (repeatable) or --config=ENV.');
  let config: JsonObject = {};
  let writeBackPath: string | undefined;
  for (const path of options.paths) {
    if (path === ENV_CONFIG) {
      config = { ...config, ...configFromEnv(options.env, options.envPrefix, options.settings) };
    } else {
      config = { ...config, ...(readJsonFile(path, 'config') as JsonObject) };
      writeBackPath = path;
    }
  }

  const tokenStorePath = tokenStorePathOf(config, options);
  return { ...overlayTokenStore(config, tokenStorePath), writeBackPath, tokenStorePath };
}

/** The config with the token store's values on top (when the store exists), and which keys came from it. */
export function overlayTokenStore(config: JsonObject, tokenStorePath: string | undefined): { config: JsonObject; tokenStoreKeys: string[] } {
  if (tokenStorePath === undefined || !existsSync(tokenStorePath)) return { config, tokenStoreKeys: [] };
  const stored = readJsonFile(tokenStorePath, 'token store', { allowEmpty: true }) as JsonObject | undefined;
  if (!stored) return { config, tokenStoreKeys: [] };
  return { config: { ...config, ...stored }, tokenStoreKeys: Object.keys(stored) };
}

/** The token store file: the `token_store_path` setting, else the environment variable (when given). */
export function tokenStorePathOf(config: JsonObject, options: Pick<SingerConfigOptions, 'env' | 'tokenStoreEnvVar'>): string | undefined {
  const fromConfig = config[TOKEN_STORE_SETTING];
  if (fromConfig !== undefined && fromConfig !== null && fromConfig !== '') {
    if (typeof fromConfig !== 'string') throw new ConfigError(`The "${TOKEN_STORE_SETTING}" setting must be a file path.`);
    return fromConfig;
  }
  const fromEnv = options.tokenStoreEnvVar === undefined ? undefined : options.env[options.tokenStoreEnvVar];
  return fromEnv === undefined || fromEnv === '' ? undefined : fromEnv;
}

/** `TAP_FOO_<SETTING>` for every top-level setting of the spec, typed by its schema. */
export function configFromEnv(env: NodeJS.ProcessEnv, prefix: string, settings: JsonObject): JsonObject {
  const properties = settings['properties'];
  const config: JsonObject = {};
  if (typeof properties !== 'object' || properties === null) return config;
  for (const [name, schema] of Object.entries(properties as JsonObject)) {
    const variable = prefix + name.toUpperCase();
    const raw = env[variable];
    if (raw === undefined) continue;
    config[name] = envValue(raw, variable, typeof schema === 'object' && schema !== null ? (schema as JsonObject)['type'] : undefined);
  }
  return config;
}

function envValue(raw: string, variable: string, type: unknown): unknown {
  const types = Array.isArray(type) ? type : [type];
  if (types.includes('boolean') && /^(true|false)$/i.test(raw)) return raw.toLowerCase() === 'true';
  if ((types.includes('integer') || types.includes('number')) && raw.trim() !== '' && Number.isFinite(Number(raw))) return Number(raw);
  if (types.includes('array') || types.includes('object')) {
    try {
      return JSON.parse(raw) as unknown;
    } catch {
      throw new ConfigError(`The environment variable ${variable} must hold JSON.`);
    }
  }
  return raw;
}

/** `tap-foo` -> `TAP_FOO_`. */
export function envPrefixOf(name: string): string {
  return name.toUpperCase().replace(/[^A-Z0-9]+/g, '_') + '_';
}
