// The QuickBooks Online connector: spec, config, check, and the list of streams (entities + reports).
import { existsSync } from 'node:fs';
import {
  ConfigError,
  RecordValidator,
  validatingStream,
  type AirbyteConnectionStatus,
  type ConfiguredAirbyteStream,
  type ConnectorSpecification,
  type JsonObject,
  type Logger,
  type RunContext,
  type Source,
  type Stream,
} from './cdk/index.js';
import { loadSpec, parseConfig, secretsOf, type QboConfig } from './config.js';
import { describeCompanyFeatures } from './qbo/company-features.js';
import { createQboClient, type QboStack } from './qbo/client.js';
import type { RefreshedTokens } from './qbo/token-manager.js';
import { ChangeFeed } from './streams/change-feed.js';
import { ENTITY_REGISTRY, type EntityDef } from './streams/entity-registry.js';
import { EntityStream } from './streams/entity-stream.js';
import { PageBudget } from './streams/page-budget.js';
import { QueryPrefetch } from './streams/query-prefetch.js';
import { qboProgressMetrics } from './qbo/progress-metrics.js';
import { createReportStreams } from './streams/reports/index.js';
import { loadStreamSchema } from './streams/schema-loader.js';
import { JOURNAL_ENV, withJournalCoverage } from './webhooks/journal-coverage.js';

/**
 * Bytes of pages fetched ahead (in flight, or read and waiting to be emitted) across all streams:
 * ~16 pages of 1000 transactions. The page a stream waits for is often the slowest of those in
 * flight (QBO takes 0.5-1.5 s a page); fetching goes on past it while this allows. When the server
 * is fast, emission is the bound and this is what pages waiting for their turn hold.
 */
const PREFETCH_BYTES = 32 * 1024 * 1024;

export interface QboSourceOptions {
  env?: Readonly<Record<string, string | undefined>>;
  now?: () => number;
}

/** The whole config with the new tokens, as the platform must store it (CONTROL message). */
export function configWithTokens(raw: JsonObject, tokens: RefreshedTokens): JsonObject {
  return {
    ...raw,
    refresh_token: tokens.refreshToken,
    access_token: tokens.accessToken,
    token_expiry_date: tokens.tokenExpiryDate,
  };
}

export class QuickBooksSource implements Source<QboConfig> {
  private stack: QboStack | undefined;
  private streamList: Stream[] | undefined;
  /** The streams as built, before any validation wrapper (prepareRead plans on these). */
  private rawStreams: Stream[] | undefined;

  constructor(private readonly options: QboSourceOptions = {}) {}

  spec(): ConnectorSpecification {
    return loadSpec();
  }

  parseConfig(raw: JsonObject, logger?: Logger): QboConfig {
    const config = parseConfig(raw, logger);
    const names = new Set<string>();
    for (const custom of config.customQueries) {
      if (names.has(custom.name)) {
        throw new ConfigError(`custom_queries: two queries are named "${custom.name}"; stream names must be unique, so rename one.`);
      }
      names.add(custom.name);
      if (ENTITY_REGISTRY.some((d) => d.stream === custom.name)) {
        throw new ConfigError(`custom_queries: "${custom.name}" is already a built-in stream; choose another name.`);
      }
      const base = ENTITY_REGISTRY.find((d) => d.entity.toLowerCase() === custom.entity.toLowerCase());
      if (!base || base.read !== 'cursor') {
        const names = ENTITY_REGISTRY.filter((d) => d.read === 'cursor').map((d) => d.entity).join(', ');
        throw new ConfigError(`custom_queries: "${custom.name}" names entity "${custom.entity}", which cannot be queried incrementally; use one of ${names}.`);
      }
    }
    return config;
  }

  secretsOf(raw: JsonObject): string[] {
    return secretsOf(raw);
  }

  streamConcurrency(config: QboConfig): number {
    return config.maxConcurrentStreams;
  }

  /** The QBO client for this run; no network call until a request is made. */
  client(config: QboConfig, ctx: RunContext): QboStack {
    let current = config.raw;
    this.stack ??= createQboClient(config, {
      logger: ctx.logger,
      secrets: ctx.secrets,
      ...(this.options.env ? { env: this.options.env } : {}),
      onRefresh: async (tokens) => {
        // Known to the scrubber before anything could print them; CONTROL is the one message that carries them.
        ctx.secrets.add(tokens.accessToken);
        ctx.secrets.add(tokens.refreshToken);
        current = configWithTokens(current, tokens);
        await ctx.emitConfig(current);
      },
    });
    return this.stack;
  }

  async check(config: QboConfig, ctx: RunContext): Promise<AirbyteConnectionStatus> {
    try {
      const { client } = this.client(config, ctx);
      const body = await client.get(`companyinfo/${config.realmId}`);
      const info = body['CompanyInfo'] as JsonObject | undefined;
      const name = typeof info?.['CompanyName'] === 'string' ? ` (${info['CompanyName']})` : '';
      const features = describeCompanyFeatures(info, await this.preferences(client, ctx));
      const listed = features.length > 0 ? ` Optional features: ${features.join('; ')}.` : '';
      return { status: 'SUCCEEDED', message: `Connected to QuickBooks Online company ${config.realmId}${name}.${listed}` };
    } catch (error) {
      return { status: 'FAILED', message: error instanceof Error ? error.message : String(error) };
    }
  }

  /** The company's Preferences for `check`; a failure here only leaves the feature list shorter. */
  private async preferences(client: QboStack['client'], ctx: RunContext): Promise<JsonObject | undefined> {
    try {
      const body = await client.get('preferences');
      return body['Preferences'] as JsonObject | undefined;
    } catch (error) {
      ctx.logger.warn(`Could not read the company's Preferences to list its optional features: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
  }

  streams(config: QboConfig, ctx: RunContext): Stream[] {
    if (this.streamList) return this.streamList;
    const { client } = this.client(config, ctx);
    const budget = new PageBudget(PREFETCH_BYTES);
    const feed = config.useCdc ? new ChangeFeed(client, ctx.logger, this.options.now) : undefined;
    const prefetch = config.useBatch ? new QueryPrefetch(client, ctx.logger) : undefined;
    const entityStream = (def: EntityDef, schemaOf: string, where?: string): EntityStream =>
      new EntityStream(def, {
        api: client,
        realmId: config.realmId,
        logger: ctx.logger,
        budget,
        feed,
        prefetch,
        pageSize: config.pageSize,
        // Twice the requests in flight: all of them stay busy while the slowest one is waited for.
        maxPrefetch: 2 * Math.max(1, config.maxConcurrentRequests),
        startDate: config.startDate,
        lookbackSeconds: config.lookbackWindowSeconds,
        emitEstimates: config.emitEstimates,
        schema: () => loadStreamSchema(schemaOf),
        ...(this.options.now ? { now: this.options.now } : {}),
        ...(where !== undefined ? { where } : {}),
      });
    const entities = ENTITY_REGISTRY.map((def) => entityStream(def, def.stream));
    const custom = config.customQueries.map((q) => {
      const base = ENTITY_REGISTRY.find((d) => d.entity.toLowerCase() === q.entity.toLowerCase()) as EntityDef;
      return entityStream({ ...base, stream: q.name, cdc: false }, base.stream, q.where);
    });
    const reports = createReportStreams(
      {
        reports: config.reports,
        accountingMethod: config.reportAccountingMethod,
        period: config.reportPeriod,
        startDate: config.reportStartDate,
        refreshPeriods: config.reportRefreshPeriods,
      },
      client,
      ctx.logger,
    );
    this.rawStreams = [...entities, ...custom, ...reports];
    let list = this.rawStreams;
    const mode = config.validateRecords;
    if (mode !== 'off') {
      const validator = new RecordValidator(mode, ctx.logger);
      list = list.map((stream) => validatingStream(stream, validator));
    }
    // Started by `webhooks --on-change`: say which journalled changes this sync covered.
    const journal = (this.options.env ?? process.env)[JOURNAL_ENV];
    if (journal !== undefined && journal !== '' && existsSync(journal)) list = withJournalCoverage(list, journal, config.realmId, ctx.logger);
    this.streamList = list;
    return this.streamList;
  }

  /** Requests, retries and rate-limit waits for the live progress display (TTY only). */
  progressMetrics() {
    return this.stack ? qboProgressMetrics(this.stack) : undefined;
  }

  /** Before reading: one shared CDC call for the streams it can serve, one batch for small first pages. */
  prepareRead(config: QboConfig, ctx: RunContext, catalog: ConfiguredAirbyteStream[], state: Map<string, JsonObject>): void {
    this.streams(config, ctx);
    const byName = new Map((this.rawStreams ?? []).map((s) => [s.name, s]));
    for (const configured of catalog) {
      const stream = byName.get(configured.stream.name);
      if (stream instanceof EntityStream) {
        stream.plan({ syncMode: configured.sync_mode, state: state.get(stream.name) });
      }
    }
  }
}
