#!/usr/bin/env node
// Airbyte executable: source-quickbooks spec | check --config | discover --config | read --config --catalog [--state]
import '../src/cdk/run/exit-on-signal.js'; // first: see there
import { keepYoungGenerationSmall } from '../src/cdk/run/young-generation.js';

keepYoungGenerationSmall(); // before the connector's modules load: see there
// Loaded only once the signal handlers exist: parsing the connector's modules is most of the start-up.
const { runGuardedMain } = await import('../src/guarded-main.js');

await runGuardedMain(process.argv.slice(2), process.argv[1] ?? 'source-quickbooks');
