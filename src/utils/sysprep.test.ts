import { describe, expect, it } from 'vitest';
import type { VirtualMachine } from '../models/types';
import {
  buildSysprepConfigMap,
  hasSysprepFile,
  type ParseXML,
  readSysprepFiles,
  sysprepConfigMapName,
  xmlError,
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

  it("reports the parser's first non-empty message line", () => {
    expect(
      xmlError(
        '<unattend>',
        parserAnswering('\n  XML Parsing Error: no root element found\nLine 1\n'),
      ),
    ).toBe('XML Parsing Error: no root element found');
    expect(xmlError('<a>', parserAnswering(''))).toBe('');
  });

  it('rejects text that does not start with markup without parsing it', () => {
    let parsed = false;
    const parse: ParseXML = () => {
      parsed = true;
      return { getElementsByTagName: () => [] };
    };
    expect(xmlError('hello', parse)).toBe('');
    expect(parsed).toBe(false);
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
