import { describe, expect, it } from 'vitest';
import type { VirtualMachine } from '../models/types';
import {
  buildSysprepConfigMap,
  hasSysprepFile,
  type ParseXML,
  readSysprepFiles,
  sysprepConfigMapName,
  xmlError,
  xmlErrorPosition,
} from './sysprep';

const vm: VirtualMachine = {
  apiVersion: 'kubevirt.io/v1',
  kind: 'VirtualMachine',
  metadata: { name: 'win', namespace: 'ns', uid: 'u1' },
  spec: { template: { spec: { domain: { devices: {} } } } },
};

/** A parser the way browsers answer: a `parsererror` element for broken input. */
const parserAnswering =
  (message?: string): ParseXML =>
  () => ({
    getElementsByTagName: (name: string) =>
      name === 'parsererror' && message !== undefined ? [{ textContent: message }] : [],
  });

describe('xmlError', () => {
  it('accepts what the parser accepts', () => {
    expect(xmlError('<unattend/>', parserAnswering())).toBeUndefined();
    expect(xmlError('  \n<?xml version="1.0"?><unattend/>', parserAnswering())).toBeUndefined();
  });

  it("takes only the line and column from the parser's (English) message", () => {
    expect(
      xmlError(
        '<unattend><a></unattend>',
        parserAnswering(
          'This page contains the following errors:error on line 1 at column 17: Opening and ending tag mismatch: a line 1 and unattend\nBelow is a rendering of the page up to the first error.',
        ),
      ),
    ).toEqual({ line: 1, column: 17 });
    expect(
      xmlError(
        '<unattend>',
        parserAnswering(
          'XML Parsing Error: no root element found\nLocation: x\nLine Number 2, Column 3:',
        ),
      ),
    ).toEqual({ line: 2, column: 3 });
    expect(xmlError('<a>', parserAnswering(''))).toEqual({});
  });

  it('rejects text that does not start with markup without parsing it', () => {
    let parsed = false;
    const parse: ParseXML = () => {
      parsed = true;
      return { getElementsByTagName: () => [] };
    };
    expect(xmlError('hello', parse)).toEqual({ notMarkup: true });
    expect(parsed).toBe(false);
  });
});

describe('xmlErrorPosition', () => {
  it('reads the position the way each browser writes it', () => {
    expect(xmlErrorPosition('error on line 3 at column 7: Extra content')).toEqual({
      line: 3,
      column: 7,
    });
    expect(xmlErrorPosition('Line Number 4, Column 12:')).toEqual({ line: 4, column: 12 });
    expect(xmlErrorPosition('5:9: unclosed tag')).toEqual({ line: 5, column: 9 });
    expect(xmlErrorPosition('error on line 6')).toEqual({ line: 6 });
    expect(xmlErrorPosition('not well-formed')).toEqual({});
    expect(xmlErrorPosition('line 0 at column 0')).toEqual({});
  });
});

describe('sysprep ConfigMap', () => {
  it('is named after the VM', () => {
    expect(sysprepConfigMapName('win')).toBe('win-sysprep');
  });

  it('needs at least one non-blank answer file', () => {
    expect(hasSysprepFile({ 'Autounattend.xml': ' \n', 'Unattend.xml': '' })).toBe(false);
    expect(hasSysprepFile({ 'Autounattend.xml': '', 'Unattend.xml': '<u/>' })).toBe(true);
  });

  it('reads the answer files, empty when missing', () => {
    expect(readSysprepFiles(undefined)).toEqual({ 'Autounattend.xml': '', 'Unattend.xml': '' });
    expect(readSysprepFiles({ data: { 'Unattend.xml': '<u/>', other: 'x' } })).toEqual({
      'Autounattend.xml': '',
      'Unattend.xml': '<u/>',
    });
  });

  it('builds a new ConfigMap in the VM namespace with only the non-blank files', () => {
    expect(buildSysprepConfigMap(vm, { 'Autounattend.xml': '<a/>', 'Unattend.xml': '  ' })).toEqual(
      {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'win-sysprep', namespace: 'ns' },
        data: { 'Autounattend.xml': '<a/>' },
      },
    );
  });

  it('updates an existing ConfigMap: keeps its metadata and other keys, drops cleared files', () => {
    const existing = {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'win-sysprep', namespace: 'ns', resourceVersion: '7' },
      data: { 'Autounattend.xml': '<old/>', 'Unattend.xml': '<u/>', notes: 'keep' },
    };
    const updated = buildSysprepConfigMap(
      vm,
      { 'Autounattend.xml': '<new/>', 'Unattend.xml': '' },
      existing,
    );
    expect(updated).toEqual({
      ...existing,
      data: { 'Autounattend.xml': '<new/>', notes: 'keep' },
    });
    expect(existing.data['Unattend.xml']).toBe('<u/>');
  });
});
