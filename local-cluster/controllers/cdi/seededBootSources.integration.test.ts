import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KUBEVIRT_SEED } from '../../seed/kubevirt';
import { DATA_IMPORT_CRON, DATA_SOURCE, DV } from '../runtime/resources';
import type { TestCluster } from '../runtime/testCluster';
import { eventually, startTestCluster } from '../runtime/testCluster';
import type { DataImportCron, DataSource } from './cdiTypes';
import { startCdi } from './index';

const OS_IMAGES = 'openshift-virtualization-os-images';

/** The boot sources the seed writes are finished imports: CDI must take them as they are. */
describe('seeded boot sources', { timeout: 60_000 }, () => {
  let t: TestCluster;
  beforeAll(async () => {
    t = await startTestCluster({ seedContributors: KUBEVIRT_SEED });
    await t.start(startCdi);
  }, 60_000);
  afterAll(() => t.close());

  it('are not imported again and stay ready', async () => {
    const crons = (await t.admin.list<DataImportCron>(DATA_IMPORT_CRON, OS_IMAGES)).items;
    expect(crons.length).toBeGreaterThan(0);
    // Every cron gets looked at (its next run is scheduled) ...
    await eventually(
      async () => (await t.admin.list<DataImportCron>(DATA_IMPORT_CRON, OS_IMAGES)).items,
      (items) =>
        items.every((c) => c.metadata.annotations?.['cdi.kubevirt.io/storage.import.nextCronTime']),
      10_000,
      'crons reconciled',
    );
    // ... and none starts an import.
    await new Promise((r) => setTimeout(r, 300));
    expect((await t.admin.list(DV, OS_IMAGES)).items).toEqual([]);
    for (const c of (await t.admin.list<DataImportCron>(DATA_IMPORT_CRON, OS_IMAGES)).items) {
      expect(
        c.status?.conditions?.find((k) => k.type === 'UpToDate')?.status,
        c.metadata.name,
      ).toBe('True');
      expect(c.status?.currentImports?.[0]?.dataVolumeName).toBe(c.status?.lastImportedPVC?.name);
      const ds = await t.admin.get<DataSource>(DATA_SOURCE, OS_IMAGES, c.spec.managedDataSource);
      expect(ds.spec.source?.pvc?.name).toBe(c.status?.lastImportedPVC?.name);
      expect(ds.status?.conditions?.find((k) => k.type === 'Ready')?.status, ds.metadata.name).toBe(
        'True',
      );
    }
  });
});
