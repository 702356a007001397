import type {
  V1AddVolumeOptions,
  V1MigrateOptions,
  V1RemoveVolumeOptions,
  V1RestartOptions,
  V1StartOptions,
  V1StopOptions,
} from '@kubevirt-ui-ext/kubevirt-api/kubevirt';
import { load } from 'js-yaml';
import { MESSAGES, subresourceBadRequest } from './subresourceErrors';

/**
 * The request bodies of virt-api's subresources. KubeVirt decodes them with a YAML-or-JSON decoder
 * into Go structs: an empty body is the zero value, a malformed one or a field of the wrong type is
 * a 400 `Can not unmarshal Request body to struct, error: <decoder error>`.
 */

type GoType = 'bool' | 'int64' | 'string' | '[]string' | 'map[string]string' | 'object';

/** The fields each options struct decodes, with their Go types (unknown fields are ignored). */
const FIELDS = {
  StartOptions: { paused: 'bool', dryRun: '[]string' },
  StopOptions: { gracePeriod: 'int64', dryRun: '[]string' },
  RestartOptions: { gracePeriodSeconds: 'int64', dryRun: '[]string' },
  MigrateOptions: { dryRun: '[]string', addedNodeSelector: 'map[string]string' },
  PauseOptions: { dryRun: '[]string' },
  UnpauseOptions: { dryRun: '[]string' },
  AddVolumeOptions: {
    name: 'string',
    disk: 'object',
    volumeSource: 'object',
    dryRun: '[]string',
    serial: 'string',
    persist: 'bool',
  },
  RemoveVolumeOptions: { name: 'string', dryRun: '[]string', persist: 'bool' },
} as const satisfies Record<string, Record<string, GoType>>;

export type OptionsKind = keyof typeof FIELDS;

export interface PauseOptions {
  dryRun?: string[];
}

export interface OptionsOf {
  StartOptions: V1StartOptions;
  StopOptions: V1StopOptions;
  RestartOptions: V1RestartOptions;
  MigrateOptions: V1MigrateOptions;
  PauseOptions: PauseOptions;
  UnpauseOptions: PauseOptions;
  AddVolumeOptions: V1AddVolumeOptions;
  RemoveVolumeOptions: V1RemoveVolumeOptions;
}

const jsonTypeOf = (v: unknown): string => {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v;
};

const matches = (v: unknown, t: GoType): boolean => {
  // JSON null decodes to the zero value in Go, whatever the field's type.
  if (v === null) return true;
  switch (t) {
    case 'bool':
      return typeof v === 'boolean';
    case 'int64':
      return typeof v === 'number' && Number.isInteger(v);
    case 'string':
      return typeof v === 'string';
    case '[]string':
      return Array.isArray(v) && v.every((s) => typeof s === 'string');
    case 'map[string]string':
      return (
        typeof v === 'object' &&
        !Array.isArray(v) &&
        Object.values(v as object).every((s) => typeof s === 'string')
      );
    case 'object':
      return typeof v === 'object' && !Array.isArray(v);
  }
};

const GO_JSON_TYPE: Record<string, string> = {
  number: 'number',
  string: 'string',
  boolean: 'bool',
  array: 'array',
  object: 'object',
};

/** Parses a body (JSON or YAML) into the options struct `kind`; `undefined` for an empty body. */
export const parseOptions = <K extends OptionsKind>(
  kind: K,
  body: string,
): OptionsOf[K] | undefined => {
  if (!body.trim()) return undefined;
  let parsed: unknown;
  try {
    parsed = body.trimStart().startsWith('{') ? JSON.parse(body) : load(body);
  } catch (e) {
    throw subresourceBadRequest(MESSAGES.unmarshal((e as Error).message.split('\n')[0]));
  }
  if (parsed === null || parsed === undefined) return undefined;
  if (typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw subresourceBadRequest(
      MESSAGES.unmarshal(
        `json: cannot unmarshal ${GO_JSON_TYPE[jsonTypeOf(parsed)] ?? jsonTypeOf(parsed)} into Go value of type v1.${kind}`,
      ),
    );
  }
  const fields: Record<string, GoType> = FIELDS[kind];
  for (const [field, value] of Object.entries(parsed)) {
    const type = fields[field];
    if (type && !matches(value, type)) {
      throw subresourceBadRequest(
        MESSAGES.unmarshal(
          `json: cannot unmarshal ${GO_JSON_TYPE[jsonTypeOf(value)] ?? jsonTypeOf(value)} into Go struct field ${kind}.${field} of type ${type}`,
        ),
      );
    }
  }
  return parsed as OptionsOf[K];
};

/** KubeVirt honours a dry run only when the first value is `All`, as metav1.DryRunAll. */
export const isDryRun = (dryRun: string[] | undefined | null): boolean => dryRun?.[0] === 'All';
