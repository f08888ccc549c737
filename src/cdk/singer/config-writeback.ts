// Persisting a config the source changed (rotated OAuth tokens) to the --config file and the token store.
import { readFile, stat } from 'node:fs/promises';
import { NotARegularFileError, writeFileAtomic } from '../io/atomic-file.js';
import { ConfigError, ConnectorError } from '../core/errors.js';
import type { Logger } from '../core/logger.js';
import type { JsonObject } from '../core/protocol.js';
import { writeTokenStore } from '../io/token-store.js';

export interface ConfigWriteBackOptions {
  /** The last `--config` file (Singer spec: a tap writes config changes back to it). */
  configPath: string | undefined;
  /** A file that outlives the run's config (Meltano passes a temporary one); holds only changed keys. */
  tokenStorePath: string | undefined;
  /** The config the run started with (after the token store was applied). */
  initial: JsonObject;
  logger: Logger;
  /**
   * Airbyte mode: the CONTROL message already carried the config, so the files are a convenience for
   * shell runs. A file that cannot be written is said once at INFO (Airbyte mounts it read-only) and
   * nothing fails.
   */
  bestEffort?: boolean;
}

/**
 * Persists a config the source changed (rotated OAuth tokens). Only top-level keys whose value
 * changed are written: into the config file (on top of its own content, so keys that came from
 * earlier --config files are not copied into it) and into the token store (mode 0600). Saves are
 * serialised. Fails only when nothing could be saved: the next run would then start with a dead token.
 */
export class ConfigWriteBack {
  private current: JsonObject;
  /** bestEffort: targets already reported as unwritable (said once per run). */
  private readonly reported = new Set<string>();
  private chain: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: ConfigWriteBackOptions) {
    this.current = { ...options.initial };
  }

  /** Resolves with the changed key names once they are on disk. */
  save(config: JsonObject): Promise<string[]> {
    const saved = this.chain.then(() => this.saveNow(config));
    this.chain = saved.catch(() => undefined);
    return saved;
  }

  private async saveNow(config: JsonObject): Promise<string[]> {
    const changed: JsonObject = {};
    for (const [key, value] of Object.entries(config)) {
      if (JSON.stringify(value) !== JSON.stringify(this.current[key])) changed[key] = value;
    }
    const keys = Object.keys(changed);
    if (keys.length === 0) return keys;

    const { configPath, tokenStorePath, logger } = this.options;
    const failures: Array<{ target: string; reason: string }> = [];
    const saved: string[] = [];
    if (configPath !== undefined) {
      try {
        await mergeInto(configPath, changed);
        saved.push(`config file ${configPath}`);
      } catch (error) {
        failures.push({ target: `config file ${configPath}`, reason: messageOf(error) });
      }
    }
    if (tokenStorePath !== undefined) {
      try {
        await writeTokenStore(tokenStorePath, changed);
        saved.push(`token store ${tokenStorePath}`);
      } catch (error) {
        failures.push({ target: `token store ${tokenStorePath}`, reason: messageOf(error) });
      }
    }
    const what = `the changed config keys (${keys.join(', ')})`;
    if (this.options.bestEffort === true) {
      this.current = { ...this.current, ...changed };
      for (const { target, reason } of failures) {
        if (this.reported.has(target)) continue;
        this.reported.add(target);
        logger.info(`Not saving rotated credentials to ${target} (${reason}); they reached the platform in the CONTROL message.`);
      }
      if (saved.length > 0) logger.info(`Saved ${what} to ${saved.join(' and ')}.`);
      return keys;
    }
    if (saved.length === 0) {
      const reason = failures.length > 0 ? failures.map((f) => `${f.target}: ${f.reason}`).join('; ') : 'there is no config file or token store';
      throw new ConfigError(
        `Could not save ${what}: ${reason}. Set "token_store_path" to a writable file so rotated credentials survive the run.`,
      );
    }
    // Only now: a failed save must be retried by the next one, not mistaken for "already saved".
    this.current = { ...this.current, ...changed };
    for (const f of failures) logger.warn(`Could not save ${what} to ${f.target}: ${f.reason}.`);
    logger.info(`Saved ${what} to ${saved.join(' and ')}.`);
    return keys;
  }
}

/** Read `path` (if present), overlay `changed`, write it back atomically keeping its mode. */
async function mergeInto(path: string, changed: JsonObject): Promise<void> {
  let existing: JsonObject = {};
  const text = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return '';
    throw error;
  });
  // The rename would replace a file its owner made read-only (even as root); that file stays as it is.
  if (text !== '' && ((await stat(path)).mode & 0o222) === 0) throw new ReadOnlyFileError();
  if (text.trim() !== '') {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) existing = parsed as JsonObject;
  }
  await writeFileAtomic(path, JSON.stringify({ ...existing, ...changed }, null, 2) + '\n');
}

class ReadOnlyFileError extends Error {
  constructor() {
    super('the file is read-only');
  }
}

/** Error text without values: fs errors name paths and codes only. */
function messageOf(error: unknown): string {
  if (error instanceof ReadOnlyFileError || error instanceof NotARegularFileError) return error.message;
  // The token store's refusals (symlink, special file, foreign keys) say what to do.
  if (error instanceof ConnectorError) return error.message.replace(/\.$/, '');
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code ?? (error instanceof SyntaxError ? 'the file is not valid JSON' : 'write failed');
}
