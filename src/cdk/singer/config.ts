// The Singer config: --config files merged in order, TAP_* environment settings (Meltano's --config ENV),
// and the token store overlay, with the token store's own path setting.
import { checkJsonDepth } from '../io/json-depth.js';
import { dirname, resolve } from 'node:path';
import { ConfigError } from '../core/errors.js';
import { readJsonFile } from '../io/json-file.js';
import type { JsonObject } from '../core/protocol.js';
import { readTokenStore, resolveTokenStorePath } from '../io/token-store.js';

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
  // A relative token_store_path is relative to the folder of the config file that set it.
  let storeBase = process.cwd();
  for (const path of options.paths) {
    if (path === ENV_CONFIG) {
      const fromEnv = configFromEnv(options.env, options.envPrefix, options.settings);
      if (TOKEN_STORE_SETTING in fromEnv) storeBase = process.cwd();
      config = { ...config, ...fromEnv };
    } else {
      const file = readJsonFile(path, 'config') as JsonObject;
      if (TOKEN_STORE_SETTING in file) storeBase = dirname(resolve(path));
      config = { ...config, ...file };
      writeBackPath = path;
    }
  }

  const tokenStorePath = tokenStorePathOf(config, { ...options, baseDir: storeBase });
  return { ...overlayTokenStore(config, tokenStorePath), writeBackPath, tokenStorePath };
}

/** The config with the token store's tokens on top (when the store exists), and which keys came from it (see token-store.ts). */
export function overlayTokenStore(config: JsonObject, tokenStorePath: string | undefined): { config: JsonObject; tokenStoreKeys: string[] } {
  const stored = tokenStorePath === undefined ? undefined : readTokenStore(tokenStorePath);
  if (!stored) return { config, tokenStoreKeys: [] };
  return { config: { ...config, ...stored }, tokenStoreKeys: Object.keys(stored) };
}

/**
 * The token store file, absolute: the `token_store_path` setting (relative to `baseDir`, the folder
 * of the config file that set it), else the environment variable (relative to the working directory).
 */
export function tokenStorePathOf(
  config: JsonObject,
  options: Pick<SingerConfigOptions, 'env' | 'tokenStoreEnvVar'> & { baseDir: string },
): string | undefined {
  const fromConfig = config[TOKEN_STORE_SETTING];
  if (fromConfig !== undefined && fromConfig !== null && fromConfig !== '') {
    if (typeof fromConfig !== 'string') throw new ConfigError(`The "${TOKEN_STORE_SETTING}" setting must be a file path.`);
    return resolveTokenStorePath(fromConfig, options.baseDir, `The "${TOKEN_STORE_SETTING}" setting`);
  }
  const variable = options.tokenStoreEnvVar;
  const fromEnv = variable === undefined ? undefined : options.env[variable];
  return fromEnv === undefined || fromEnv === '' ? undefined : resolveTokenStorePath(fromEnv, process.cwd(), `The environment variable ${variable}`);
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
    checkJsonDepth(raw, (_offset, limit) => new ConfigError(`The environment variable ${variable} nests deeper than ${limit} levels; set it to the setting's plain JSON.`));
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
