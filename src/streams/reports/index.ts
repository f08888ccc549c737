// Entry point of the report streams for the source: the factory and the stream names.
import { ConfigError, type Logger, type Stream } from '../../cdk/index.js';
import type { QboApi } from '../../qbo/types.js';
import { REPORTS, reportByQboName } from './report-registry.js';
import { ReportStream, type ReportSettings } from './report-stream.js';

export { ReportStream, type ReportSettings, type ReportStreamState } from './report-stream.js';
export { REPORTS, reportByQboName, reportByStream, type ReportDefinition } from './report-registry.js';

/** One stream per configured report, in the order given; unknown names are a config error. */
export function createReportStreams(settings: ReportSettings, api: QboApi, logger: Logger): Stream[] {
  const unknown = settings.reports.filter((name) => reportByQboName(name) === undefined);
  if (unknown.length > 0) {
    throw new ConfigError(
      `Unknown report(s) in "reports": ${unknown.join(', ')}. Supported: ${REPORTS.map((r) => r.qboName).join(', ')}.`,
    );
  }
  return [...new Set(settings.reports)].map((name) => {
    const def = reportByQboName(name);
    if (def === undefined) throw new ConfigError(`Unknown report ${name}.`); // unreachable: checked above
    return new ReportStream(def, settings, api, logger);
  });
}

/** Every report stream name the connector can offer (report_trial_balance, ...). */
export function listReportStreamNames(): string[] {
  return REPORTS.map((r) => r.stream);
}
