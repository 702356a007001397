import { describe, expect, it } from 'vitest';
import { StatusError } from '../../apiserver/core/statusError';
import { isDryRun, parseOptions } from './subresourceOptions';

const failure = (fn: () => unknown): StatusError => {
  try {
    fn();
  } catch (e) {
    if (e instanceof StatusError) return e;
    throw e;
  }
  throw new Error('expected a StatusError');
};

describe('subresource options', () => {
  it('reads an empty body as no options', () => {
    expect(parseOptions('StopOptions', '')).toBeUndefined();
    expect(parseOptions('StopOptions', '  \n')).toBeUndefined();
    expect(parseOptions('StopOptions', 'null')).toBeUndefined();
  });

  it('reads JSON and YAML bodies', () => {
    expect(parseOptions('StopOptions', '{"gracePeriod":0,"dryRun":["All"]}')).toEqual({
      gracePeriod: 0,
      dryRun: ['All'],
    });
    expect(parseOptions('StartOptions', 'paused: true\n')).toEqual({ paused: true });
    expect(
      parseOptions('MigrateOptions', '{"addedNodeSelector":{"topology.kubernetes.io/zone":"a"}}'),
    ).toEqual({ addedNodeSelector: { 'topology.kubernetes.io/zone': 'a' } });
  });

  it.each([
    [
      'StopOptions',
      '{"gracePeriod":"soon"}',
      'json: cannot unmarshal string into Go struct field StopOptions.gracePeriod of type int64',
    ],
    [
      'StopOptions',
      '{"gracePeriod":1.5}',
      'json: cannot unmarshal number into Go struct field StopOptions.gracePeriod of type int64',
    ],
    [
      'StartOptions',
      '{"paused":"yes"}',
      'json: cannot unmarshal string into Go struct field StartOptions.paused of type bool',
    ],
    [
      'RestartOptions',
      '{"dryRun":"All"}',
      'json: cannot unmarshal string into Go struct field RestartOptions.dryRun of type []string',
    ],
    ['PauseOptions', '[1]', 'json: cannot unmarshal array into Go value of type v1.PauseOptions'],
  ] as const)('refuses %s %s with a 400', (kind, body, detail) => {
    const err = failure(() => parseOptions(kind, body));
    expect(err.code).toBe(400);
    expect(err.message).toBe(`Can not unmarshal Request body to struct, error: ${detail}`);
  });

  it('refuses a body that does not parse', () => {
    const err = failure(() => parseOptions('StopOptions', '{"gracePeriod":'));
    expect(err.code).toBe(400);
    expect(err.message).toMatch(/^Can not unmarshal Request body to struct, error: /);
  });

  it('ignores fields the struct does not have and accepts null as zero', () => {
    expect(parseOptions('StopOptions', '{"force":true,"gracePeriod":null}')).toEqual({
      force: true,
      gracePeriod: null,
    });
  });

  it('takes dryRun only when the first value is All', () => {
    expect(isDryRun(['All'])).toBe(true);
    expect(isDryRun([])).toBe(false);
    expect(isDryRun(undefined)).toBe(false);
    expect(isDryRun(['None', 'All'])).toBe(false);
  });
});
