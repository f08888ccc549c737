#!/usr/bin/env node
// Singer executable: tap-quickbooks --about | --discover | --config ... [--catalog] [--state]
import '../src/cdk/exit-on-signal.js'; // first: see there
import { main } from '../src/cli.js';

process.exit(await main(process.argv.slice(2), process.argv[1] ?? 'tap-quickbooks'));
