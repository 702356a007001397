import { readFileSync } from 'node:fs';
import { loadAll } from 'js-yaml';
import { describe, expect, it } from 'vitest';

interface Doc {
  kind: string;
  metadata: { name: string; namespace?: string; annotations?: Record<string, string> };
  spec?: Record<string, unknown>;
}

const docs = loadAll(readFileSync('deploy/virt-console-plugin.yaml', 'utf8')) as Doc[];
const byKind = (kind: string): Doc => {
  const doc = docs.find((d) => d.kind === kind);
  if (!doc) throw new Error(`no ${kind} in deploy/virt-console-plugin.yaml`);
  return doc;
};

describe('OpenShift deployment manifests', () => {
  it('name the plugin as package.json does, so the console finds its manifest', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
      consolePlugin?: { name: string };
    };
    expect(byKind('ConsolePlugin').metadata.name).toBe(
      pkg.consolePlugin?.name ?? 'virt-console-plugin',
    );
  });

  it('point the ConsolePlugin at the Service port that nginx serves over TLS', () => {
    const backend = (
      byKind('ConsolePlugin').spec as {
        backend: { service: { name: string; namespace: string; port: number } };
      }
    ).backend.service;
    const service = byKind('Service');
    expect(backend.name).toBe(service.metadata.name);
    expect(backend.namespace).toBe(service.metadata.namespace);
    const ports = (service.spec as { ports: { port: number }[] }).ports.map((p) => p.port);
    expect(ports).toContain(backend.port);
    expect(readFileSync('deploy/nginx.conf', 'utf8')).toContain(`listen ${backend.port} ssl`);
  });

  it('mount the service-ca certificate the Service annotation asks for', () => {
    const secret =
      byKind('Service').metadata.annotations?.[
        'service.beta.openshift.io/serving-cert-secret-name'
      ];
    const deployment = JSON.stringify(byKind('Deployment'));
    expect(secret).toBeTruthy();
    expect(deployment).toContain(`"secretName":"${secret}"`);
  });
});
