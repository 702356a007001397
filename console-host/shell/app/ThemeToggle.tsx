/** Light/dark theme: PatternFly's `pf-v6-theme-dark` class on <html>, persisted. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ToggleGroup, ToggleGroupItem } from '@patternfly/react-core';
import { MoonIcon } from '@patternfly/react-icons/dist/esm/icons/moon-icon';
import { SunIcon } from '@patternfly/react-icons/dist/esm/icons/sun-icon';

const STORAGE_KEY = 'console-host.theme';
type Theme = 'light' | 'dark';

export const applyStoredTheme = (): Theme => {
  const theme: Theme = localStorage.getItem(STORAGE_KEY) === 'dark' ? 'dark' : 'light';
  document.documentElement.classList.toggle('pf-v6-theme-dark', theme === 'dark');
  return theme;
};

export const ThemeToggle = () => {
  const { t } = useTranslation('console-host');
  const [theme, setTheme] = useState<Theme>(applyStoredTheme);
  const choose = (next: Theme) => {
    localStorage.setItem(STORAGE_KEY, next);
    document.documentElement.classList.toggle('pf-v6-theme-dark', next === 'dark');
    setTheme(next);
  };
  return (
    <ToggleGroup aria-label={t('Theme')}>
      <ToggleGroupItem
        icon={<SunIcon />}
        aria-label={t('Light theme')}
        isSelected={theme === 'light'}
        onChange={() => choose('light')}
      />
      <ToggleGroupItem
        icon={<MoonIcon />}
        aria-label={t('Dark theme')}
        isSelected={theme === 'dark'}
        onChange={() => choose('dark')}
      />
    </ToggleGroup>
  );
};
