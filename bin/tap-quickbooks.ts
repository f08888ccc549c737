#!/usr/bin/env node
// Singer executable: tap-quickbooks --about | --discover | --config ... [--catalog] [--state]
import { main } from '../src/cli.js';

process.exit(await main(process.argv.slice(2), process.argv[1] ?? 'tap-quickbooks'));
