/** User menu: lists the host's login users; choosing one switches user (POST) and reloads, like logging in again. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dropdown, DropdownItem, DropdownList, MenuToggle } from '@patternfly/react-core';
import { UserIcon } from '@patternfly/react-icons/dist/esm/icons/user-icon';
import { consoleFetchJSON } from '../../sdk/k8s/fetch';
import { serverFlags } from '../serverFlags';

type UserEntry = string | { username?: string; name?: string; displayName?: string };
const nameOf = (u: UserEntry): string => (typeof u === 'string' ? u : (u.username ?? u.name ?? ''));

export const UserMenu = () => {
  const { t } = useTranslation('console-host');
  const flags = serverFlags();
  const [open, setOpen] = useState(false);
  const [current, setCurrent] = useState<string | undefined>(flags.loginUser);
  const [users, setUsers] = useState<string[]>(
    (flags.loginUsers as UserEntry[] | undefined)?.map(nameOf) ?? [],
  );
  const [error, setError] = useState<string>();

  useEffect(() => {
    (
      consoleFetchJSON('/api/console/users') as Promise<{
        current?: UserEntry;
        users?: UserEntry[];
      }>
    ).then(
      (r) => {
        if (r.current) setCurrent(nameOf(r.current));
        if (r.users) setUsers(r.users.map(nameOf));
      },
      () => undefined,
    );
  }, []);

  const switchTo = async (username: string) => {
    setOpen(false);
    try {
      await consoleFetchJSON.post('/api/console/user', { username });
      window.location.reload();
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <Dropdown
      isOpen={open}
      onOpenChange={setOpen}
      popperProps={{ position: 'right' }}
      toggle={(ref) => (
        <MenuToggle
          ref={ref}
          variant="plainText"
          icon={<UserIcon />}
          onClick={() => setOpen(!open)}
          isExpanded={open}
          aria-label={t('User menu')}
          data-test="user-dropdown"
        >
          {current ?? t('Unknown user')}
        </MenuToggle>
      )}
    >
      <DropdownList aria-label={t('Log in as')}>
        {users.map((u) => (
          <DropdownItem
            key={u}
            onClick={() => void switchTo(u)}
            isDisabled={u === current}
            description={u === current ? t('Current user') : t('Log in as this user')}
          >
            {u}
          </DropdownItem>
        ))}
        {error && <DropdownItem isDisabled>{error}</DropdownItem>}
      </DropdownList>
    </Dropdown>
  );
};
