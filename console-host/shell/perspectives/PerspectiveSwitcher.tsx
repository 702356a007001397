/** The nav's perspective switcher (shown only with more than one perspective), as in the console. */
import { useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import {
  MenuToggle,
  Select,
  SelectList,
  SelectOption,
  type MenuToggleElement,
} from '@patternfly/react-core';
import { usePluginStore } from '@openshift/dynamic-plugin-sdk';
import {
  isPerspective,
  type Perspective,
} from '@openshift-console/dynamic-plugin-sdk/lib/extensions';
import { useResolvedExtensions } from '../../sdk/hooks/useResolvedExtensions';
import { useActivePerspective } from '../../sdk/hooks/useActivePerspective';
import { ADMIN_PERSPECTIVE } from '../../sdk/hooks/perspectiveStore';
import { translateString } from '../translate';

type Item = { id: string; name: string; landing: (isFirstVisit: boolean) => string };

const VISITED_KEY = 'console-host.visited-perspectives';
const firstVisit = (id: string): boolean => {
  try {
    const seen = JSON.parse(localStorage.getItem(VISITED_KEY) ?? '[]') as string[];
    if (seen.includes(id)) return false;
    localStorage.setItem(VISITED_KEY, JSON.stringify([...seen, id]));
  } catch {
    // storage unavailable
  }
  return true;
};

export const PerspectiveSwitcher = () => {
  const { t } = useTranslation('console-host');
  const [extensions] = useResolvedExtensions<Perspective>(isPerspective);
  const store = usePluginStore();
  const [active, setActive] = useActivePerspective();
  const [open, setOpen] = useState(false);
  const items: Item[] = [
    { id: ADMIN_PERSPECTIVE, name: t('Administrator'), landing: () => '/' },
    ...extensions
      .filter((e) => e.properties.id !== ADMIN_PERSPECTIVE)
      .map((e) => ({
        id: e.properties.id,
        name: translateString(e.properties.name, t),
        landing: (visit: boolean) =>
          (
            e.properties.landingPageURL as unknown as (
              f: Record<string, boolean>,
              v: boolean,
            ) => string
          )(store.getFeatureFlags() as Record<string, boolean>, visit),
      })),
  ];
  if (items.length < 2) return null;
  const current = items.find((i) => i.id === active) ?? items[0];
  return (
    <div className="co-perspective-switcher pf-v6-u-px-md pf-v6-u-pb-md">
      <Select
        isOpen={open}
        selected={current.id}
        onOpenChange={setOpen}
        onSelect={(_e, id) => {
          setOpen(false);
          const item = items.find((i) => i.id === id);
          if (item && item.id !== current.id) setActive(item.id, item.landing(firstVisit(item.id)));
        }}
        toggle={(ref: Ref<MenuToggleElement>) => (
          <MenuToggle
            ref={ref}
            isFullWidth
            isExpanded={open}
            onClick={() => setOpen((o) => !o)}
            aria-label={t('Perspective: {{name}}', { name: current.name })}
            data-test-id="perspective-switcher-toggle"
          >
            {current.name}
          </MenuToggle>
        )}
      >
        <SelectList aria-label={t('Perspectives')}>
          {items.map((i) => (
            <SelectOption key={i.id} value={i.id} data-test-id={`perspective-${i.id}`}>
              {i.name}
            </SelectOption>
          ))}
        </SelectList>
      </Select>
    </div>
  );
};
