/** Language menu: English / 日本語, persisted, applied without reload. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MenuToggle, Select, SelectList, SelectOption } from '@patternfly/react-core';
import { GlobeIcon } from '@patternfly/react-icons/dist/esm/icons/globe-icon';
import { setLanguage, type Language } from '../i18n';

/** Each language is named in itself, as language pickers do. */
const NAMES: Record<Language, string> = { en: 'English', ja: '日本語' };

export const LanguageMenu = () => {
  const { t, i18n } = useTranslation('console-host');
  const [open, setOpen] = useState(false);
  const current = (i18n.language?.startsWith('ja') ? 'ja' : 'en') as Language;
  return (
    <Select
      isOpen={open}
      onOpenChange={setOpen}
      selected={current}
      onSelect={(_e, value) => {
        setOpen(false);
        void setLanguage(value as Language);
      }}
      popperProps={{ position: 'right' }}
      toggle={(ref) => (
        <MenuToggle
          ref={ref}
          variant="plainText"
          icon={<GlobeIcon />}
          onClick={() => setOpen(!open)}
          isExpanded={open}
          aria-label={t('Language: {{language}}', { language: NAMES[current] })}
          data-test="language-dropdown"
        >
          {NAMES[current]}
        </MenuToggle>
      )}
    >
      <SelectList aria-label={t('Language')}>
        {(Object.keys(NAMES) as Language[]).map((lng) => (
          <SelectOption key={lng} value={lng} lang={lng}>
            {NAMES[lng]}
          </SelectOption>
        ))}
      </SelectList>
    </Select>
  );
};
