import { openNavItem } from './fixtures/navigation';
import { expect, test } from './fixtures/stack';

test('switching to 日本語 translates the nav and the VM list without a reload', async ({
  page,
  stack,
}) => {
  await page.goto(stack.url);
  await page.getByRole('button', { name: /^Language/ }).click();
  await page.getByRole('option', { name: '日本語' }).click();
  await expect(
    page
      .getByRole('button', { name: /^言語/ })
      .or(page.getByRole('button', { name: /日本語/ }))
      .first(),
  ).toBeVisible();
  await openNavItem(page, '仮想化', 'VirtualMachine');
  await expect(page.getByRole('heading', { name: 'VirtualMachine' })).toBeVisible();
  const headers = page.getByRole('columnheader');
  await expect(headers.filter({ hasText: '名前' })).toHaveCount(1);
  await expect(headers.filter({ hasText: 'ステータス' })).toHaveCount(1);
  await expect(headers.filter({ hasText: '作成日時' })).toHaveCount(1);
  // The choice is remembered for the next visit.
  await page.reload();
  await expect(page.getByRole('navigation', { name: 'メインナビゲーション' })).toBeVisible();
});
