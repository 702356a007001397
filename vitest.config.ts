import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: [
            'local-cluster/**/*.test.ts',
            'scripts/**/*.test.ts',
            'src/**/*.test.ts',
            'console-host/**/*.test.ts',
          ],
          exclude: ['local-cluster/conformance/**', 'node_modules/**'],
        },
      },
      {
        test: {
          name: 'conformance',
          include: ['local-cluster/conformance/**/*.test.ts'],
          testTimeout: 30000,
          hookTimeout: 60000,
          pool: 'forks',
          poolOptions: { forks: { singleFork: true } },
        },
      },
    ],
  },
});
