/** DocumentTitle: sets `<title>` to "<children> · <product>" while mounted. */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

export const DocumentTitle = ({ children }: { children: string }) => {
  const { t } = useTranslation('console-host');
  useEffect(() => {
    const previous = document.title;
    document.title = `${children} · ${t('Virtualization console')}`;
    return () => {
      document.title = previous;
    };
  }, [children, t]);
  return null;
};
