import { describe, expect, it } from 'vitest';
import { parseAirbyteArgs } from '../../src/cdk/airbyte/args.js';
import { ConfigError } from '../../src/cdk/core/errors.js';

describe('parseAirbyteArgs', () => {
  it('parses every command', () => {
    expect(parseAirbyteArgs(['spec'])).toEqual({ command: 'spec', debug: false });
    expect(parseAirbyteArgs(['check', '--config', 'c.json'])).toEqual({ command: 'check', config: 'c.json', debug: false });
    expect(parseAirbyteArgs(['discover', '--config=c.json'])).toEqual({ command: 'discover', config: 'c.json', debug: false });
    expect(parseAirbyteArgs(['read', '--config', 'c', '--catalog', 'k'])).toEqual({
      command: 'read', config: 'c', catalog: 'k', state: undefined, debug: false,
    });
    expect(parseAirbyteArgs(['read', '--state', 's', '--catalog', 'k', '--config', 'c', '--debug'])).toEqual({
      command: 'read', config: 'c', catalog: 'k', state: 's', debug: true,
    });
    expect(parseAirbyteArgs(['read', '--config', 'c', '--catalog', 'k', '--archive', 'runs'])).toMatchObject({ command: 'read', archive: 'runs' });
  });

  it.each([
    [[], /No command given/],
    [['sync'], /Unknown command "sync"/],
    [['check'], /"check" needs --config/],
    [['discover'], /"discover" needs --config/],
    [['read', '--config', 'c'], /"read" needs --catalog/],
    [['read', '--catalog', 'k'], /"read" needs --config/],
    [['spec', '--config', 'c'], /"spec" takes no --config/],
    [['check', '--config', 'c', '--state', 's'], /"check" takes no --state/],
    [['check', '--config', 'c', 'extra'], /Unexpected argument "extra"/],
    [['check', '--verbose'], /^Unknown option '--verbose'\. Usage:/],
    [['check', '--config'], /config/],
    [['check', '--config='], /--config needs a file path/],
    [['discover', '--config', 'c', '--archive', 'd'], /"discover" takes no --archive/],
    [['read', '--config', 'c', '--catalog', 'k', '--archive='], /--archive needs a directory/],
  ])('rejects %j with a ConfigError and the usage line', (argv, pattern) => {
    let caught: unknown;
    try {
      parseAirbyteArgs(argv);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    expect((caught as Error).message).toMatch(pattern);
    expect((caught as Error).message).toContain('Usage: spec | check --config');
  });
});
