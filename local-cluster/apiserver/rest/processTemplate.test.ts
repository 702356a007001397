import { describe, expect, it } from 'vitest';
import { StatusError } from '../core/statusError';
import type { KubeObject } from '../core/types';
import { generateFromExpression, processTemplate } from './processTemplate';

const template = (
  parameters: Record<string, unknown>[],
  objects: unknown[],
  labels?: Record<string, string>,
): KubeObject => ({
  apiVersion: 'template.openshift.io/v1',
  kind: 'Template',
  metadata: { name: 'rhel9-server', namespace: 'openshift' },
  parameters,
  objects,
  ...(labels ? { labels } : {}),
});

/** Runs processTemplate expecting a StatusError, so assertions can inspect its details. */
const processError = (t: KubeObject): StatusError => {
  try {
    processTemplate(t);
  } catch (err) {
    if (err instanceof StatusError) return err;
    throw err;
  }
  throw new Error('expected processTemplate to throw');
};

describe('processTemplate substitution', () => {
  it('substitutes ${NAME} inside nested strings, arrays and map keys', () => {
    const out = processTemplate(
      template(
        [
          { name: 'NAME', value: 'vm1' },
          { name: 'SIZE', value: '30Gi' },
        ],
        [
          {
            kind: 'VirtualMachine',
            metadata: { name: '${NAME}', annotations: { '${NAME}': 'disk-${NAME}-${SIZE}' } },
            spec: { volumes: [{ name: '${NAME}-root', size: '${SIZE}' }, 'plain'] },
          },
        ],
      ),
    );
    expect(out.objects).toEqual([
      {
        kind: 'VirtualMachine',
        metadata: { name: 'vm1', annotations: { vm1: 'disk-vm1-30Gi' } },
        spec: { volumes: [{ name: 'vm1-root', size: '30Gi' }, 'plain'] },
      },
    ]);
  });

  it('gives ${{NAME}} the JSON type of the value', () => {
    const out = processTemplate(
      template(
        [
          { name: 'REPLICAS', value: '3' },
          { name: 'RUNNING', value: 'false' },
          { name: 'RES', value: '{"cpu":"2"}' },
          { name: 'TEXT', value: 'not json' },
        ],
        [
          {
            metadata: { name: 'x' },
            spec: {
              replicas: '${{REPLICAS}}',
              running: '${{RUNNING}}',
              resources: '${{RES}}',
              text: '${{TEXT}}',
              embedded: 'n=${{REPLICAS}}',
            },
          },
        ],
      ),
    );
    const [obj] = out.objects as { spec: Record<string, unknown> }[];
    expect(obj.spec).toEqual({
      replicas: 3,
      running: false,
      resources: { cpu: '2' },
      text: 'not json',
      // Only a whole-string `${{X}}` is a reference; inside text it stays as written.
      embedded: 'n=${{REPLICAS}}',
    });
  });

  it('leaves references to unknown parameters untouched', () => {
    const out = processTemplate(
      template(
        [{ name: 'A', value: 'a' }],
        [{ metadata: { name: '${A}-${MISSING}' }, spec: { n: '${{MISSING}}', x: '${not valid}' } }],
      ),
    );
    expect(out.objects).toEqual([
      { metadata: { name: 'a-${MISSING}' }, spec: { n: '${{MISSING}}', x: '${not valid}' } },
    ]);
  });

  it('does not re-expand references that appear inside substituted values', () => {
    const out = processTemplate(
      template(
        [
          { name: 'A', value: '${B}' },
          { name: 'B', value: 'b' },
        ],
        [{ metadata: { name: '${A}' } }],
      ),
    );
    expect(out.objects).toEqual([{ metadata: { name: '${B}' } }]);
  });

  it('fills every parameter value, defaulting to the empty string', () => {
    const out = processTemplate(
      template(
        [
          { name: 'GIVEN', value: 'v' },
          { name: 'EMPTY' },
          { name: 'GEN', generate: 'expression', from: '[a-z]{4}' },
        ],
        [],
      ),
    );
    const params = out.parameters as { name: string; value: string }[];
    expect(params[0].value).toBe('v');
    expect(params[1].value).toBe('');
    expect(params[2].value).toMatch(/^[a-z]{4}$/);
  });

  it('does not mutate the input template', () => {
    const input = template(
      [{ name: 'A', value: 'a' }, { name: 'B' }],
      [{ metadata: { name: '${A}' } }],
      {
        app: 'x',
      },
    );
    const snapshot = structuredClone(input);
    processTemplate(input);
    expect(input).toEqual(snapshot);
  });
});

describe('processTemplate labels', () => {
  it('adds template labels to every object, over the labels the object has', () => {
    const out = processTemplate(
      template(
        [{ name: 'APP', value: 'web' }],
        [
          { metadata: { name: 'a', labels: { app: 'mine', tier: 'db' } } },
          { metadata: { name: 'b' } },
          { kind: 'NoMetadata' },
        ],
        { app: 'template', template: 'rhel9-server' },
      ),
    );
    expect(out.objects).toEqual([
      {
        metadata: { name: 'a', labels: { app: 'template', tier: 'db', template: 'rhel9-server' } },
      },
      { metadata: { name: 'b', labels: { app: 'template', template: 'rhel9-server' } } },
      { kind: 'NoMetadata', metadata: { labels: { app: 'template', template: 'rhel9-server' } } },
    ]);
  });

  it('substitutes parameters in template label keys and values', () => {
    const out = processTemplate(
      template([{ name: 'APP', value: 'web' }], [{ metadata: { name: 'a' } }], {
        'app.kubernetes.io/name': '${APP}',
        '${APP}-tier': 'front',
      }),
    );
    expect(out.objects).toEqual([
      { metadata: { name: 'a', labels: { 'app.kubernetes.io/name': 'web', 'web-tier': 'front' } } },
    ]);
    expect(out.labels).toEqual({ 'app.kubernetes.io/name': 'web', 'web-tier': 'front' });
  });
});

describe('processTemplate namespaces and message', () => {
  it('drops hard-coded namespaces and keeps parameterised ones', () => {
    const out = processTemplate(
      template(
        [{ name: 'NS', value: 'shared' }],
        [
          { metadata: { name: 'a', namespace: 'openshift' } },
          { metadata: { name: 'b', namespace: '${NS}' } },
          { metadata: { name: 'c' } },
        ],
      ),
    );
    expect(out.objects).toEqual([
      { metadata: { name: 'a' } },
      { metadata: { name: 'b', namespace: 'shared' } },
      { metadata: { name: 'c' } },
    ]);
  });

  it('substitutes parameters in the message shown after instantiation', () => {
    const t = template([{ name: 'PASSWORD', generate: 'expression', from: '[a-z]{6}' }], []);
    t.message = 'Log in with password ${PASSWORD}.';
    const out = processTemplate(t);
    const password = (out.parameters as { value: string }[])[0].value;
    expect(out.message).toBe(`Log in with password ${password}.`);
  });
});

describe('processTemplate validation', () => {
  it('rejects a required parameter left empty with a 422 naming its index', () => {
    const err = processError(
      template(
        [
          { name: 'A', value: 'a' },
          { name: 'B', value: 'b' },
          { name: 'C', value: 'c' },
          { name: 'PVCNAME', required: true },
        ],
        [],
      ),
    );
    expect(err.code).toBe(422);
    expect(err.reason).toBe('Invalid');
    expect(err.details?.kind).toBe('Template');
    expect(err.details?.group).toBe('template.openshift.io');
    expect(err.details?.name).toBe('rhel9-server');
    expect(err.details?.causes).toEqual([
      {
        reason: 'FieldValueRequired',
        message:
          'template.parameters[3]: Required value: template.parameters[3]: parameter PVCNAME is required and must be specified',
        field: 'template.parameters[3]',
      },
    ]);
  });

  it('accepts a required parameter whose value is generated', () => {
    const out = processTemplate(
      template([{ name: 'P', required: true, generate: 'expression', from: '\\d{3}' }], []),
    );
    expect((out.parameters as { value: string }[])[0].value).toMatch(/^[0-9]{3}$/);
  });

  it('rejects an invalid generator expression with the parameter index as field', () => {
    const err = processError(
      template(
        [
          { name: 'OK', value: 'x' },
          { name: 'BAD', generate: 'expression', from: '[z-a]{4}' },
        ],
        [],
      ),
    );
    expect(err.code).toBe(422);
    expect(err.details?.causes).toHaveLength(1);
    expect(err.details?.causes?.[0]).toMatchObject({
      reason: 'FieldValueInvalid',
      field: 'template.parameters[1]',
    });
  });

  it('rejects an unknown generator and a missing expression', () => {
    const err = processError(
      template(
        [
          { name: 'A', generate: 'password' },
          { name: 'B', generate: 'expression' },
        ],
        [],
      ),
    );
    expect(err.details?.causes?.map((c) => c.field)).toEqual([
      'template.parameters[0]',
      'template.parameters[1]',
    ]);
  });
});

describe('generateFromExpression', () => {
  it.each([
    ['[a-z0-9]{16}', /^[a-z0-9]{16}$/],
    ['rhel9-[a-z0-9]{8}', /^rhel9-[a-z0-9]{8}$/],
    ['x[A-Z]{2}y', /^x[A-Z]{2}y$/],
    ['[A-Z0-9]{5}', /^[A-Z0-9]{5}$/],
    ['[\\w]{10}', /^\w{10}$/],
    ['[\\d]{6}', /^[0-9]{6}$/],
    ['\\a{12}', /^[a-zA-Z0-9]{12}$/],
    ['[\\A]{8}', /^[~!@#$%^&*()\-_+={}[\]\\|<,>.?/"';:`]{8}$/],
    ['[abc_-]{20}', /^[abc_-]{20}$/],
    ['id[a-f]', /^id[a-f]$/],
    ['plain-text', /^plain-text$/],
  ])('generates %s', (expr, pattern) => {
    for (let n = 0; n < 20; n++) expect(generateFromExpression(expr)).toMatch(pattern);
  });

  it('produces different values on different calls', () => {
    const seen = new Set(Array.from({ length: 10 }, () => generateFromExpression('[a-z0-9]{16}')));
    expect(seen.size).toBe(10);
  });

  it.each(['[a-z', '[]{3}', '[z-a]{2}', '[a-z]{', '[a-z]{x}', '[a-z]{256}'])(
    'rejects malformed expression %s',
    (expr) => {
      expect(() => generateFromExpression(expr)).toThrow();
    },
  );
});

describe('generation precedence', () => {
  it('uses a given value over generation', () => {
    const out = processTemplate(
      template(
        [{ name: 'P', value: 'fixed', generate: 'expression', from: '[a-z]{8}' }],
        [{ metadata: { name: '${P}' } }],
      ),
    );
    expect((out.parameters as { value: string }[])[0].value).toBe('fixed');
    expect(out.objects).toEqual([{ metadata: { name: 'fixed' } }]);
  });
});
