import { describe, expect, it } from 'vitest';
import {
  parseQuantity,
  validateCloudInitUserData,
  validateDNSLabel,
  validateInteger,
  validateLabelKey,
  validateLabelValue,
  validateQuantity,
  validateResourceName,
} from './validation';

describe('names', () => {
  it.each([
    ['rhel9-db-01', undefined],
    ['a.b-c', undefined],
    ['', 'required'],
    ['Upper', 'dns-1123'],
    ['-lead', 'dns-1123'],
    ['trail-', 'dns-1123'],
    ['sp ace', 'dns-1123'],
    ['x'.repeat(254), 'too-long'],
  ])('resource name %j', (name, code) => {
    expect(validateResourceName(name)?.code).toBe(code);
  });

  it.each([
    ['nic-1', undefined],
    ['a.b', 'dns-1123-label'],
    ['x'.repeat(64), 'too-long'],
  ])('DNS label %j', (name, code) => {
    expect(validateDNSLabel(name)?.code).toBe(code);
  });
});

describe('quantities', () => {
  it.each([
    ['2Gi', 2 * 2 ** 30],
    ['1.5Gi', 1.5 * 2 ** 30],
    ['512Mi', 512 * 2 ** 20],
    ['1G', 1e9],
    ['100m', 0.1],
    ['1e3', 1000],
    ['12', 12],
    ['2 Gi', undefined],
    ['Gi', undefined],
    ['1.2.3Gi', undefined],
  ])('parses %j', (text, value) => {
    expect(parseQuantity(text)).toBe(value);
  });

  it('checks positive quantities with a minimum', () => {
    expect(validateQuantity('')?.code).toBe('required');
    expect(validateQuantity('0Gi')?.code).toBe('quantity');
    expect(validateQuantity('abc')?.code).toBe('quantity');
    expect(validateQuantity('64Mi', 2 ** 27)).toEqual({ code: 'min', min: 2 ** 27 });
    expect(validateQuantity('1Gi', 2 ** 27)).toBeUndefined();
  });

  it('checks integers within bounds', () => {
    expect(validateInteger('4')).toBeUndefined();
    expect(validateInteger('0')?.code).toBe('min');
    expect(validateInteger('1.5')?.code).toBe('positive-integer');
    expect(validateInteger('-1')?.code).toBe('positive-integer');
    expect(validateInteger(600, 1, 512)?.code).toBe('max');
  });
});

describe('labels', () => {
  it.each([
    ['app', undefined],
    ['app.kubernetes.io/name', undefined],
    ['kubevirt.io/vm-delete-protection', undefined],
    ['', 'required'],
    ['/name', 'label-key'],
    ['Bad_Prefix/name', 'label-key'],
    ['na me', 'label-key'],
    ['x'.repeat(64), 'label-key'],
  ])('key %j', (key, code) => {
    expect(validateLabelKey(key)?.code).toBe(code);
  });

  it.each([
    ['', undefined],
    ['prod', undefined],
    ['v1.2_3-x', undefined],
    ['has space', 'label-value'],
    ['-lead', 'label-value'],
  ])('value %j', (value, code) => {
    expect(validateLabelValue(value)?.code).toBe(code);
  });
});

describe('cloud-init', () => {
  it('accepts a cloud-config mapping and scripts', () => {
    expect(validateCloudInitUserData('#cloud-config\nuser: fedora\n')).toBeUndefined();
    expect(validateCloudInitUserData('#!/bin/sh\necho hi\n')).toBeUndefined();
  });

  it('rejects broken YAML with the parser message, and non-mappings', () => {
    const issue = validateCloudInitUserData('#cloud-config\nuser: [fedora\n');
    expect(issue?.code).toBe('yaml');
    expect(validateCloudInitUserData('#cloud-config\n- a\n')?.code).toBe('cloud-init-mapping');
    expect(validateCloudInitUserData('  ')?.code).toBe('required');
  });
});
