/** Timestamp: relative time ("5 minutes ago") with the full date in a tooltip; refreshes every minute. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Tooltip } from '@patternfly/react-core';
import { GlobeAmericasIcon } from '@patternfly/react-icons/dist/esm/icons/globe-americas-icon';
import type { TimestampProps } from '@openshift-console/dynamic-plugin-sdk';
import { relativeTime } from './relativeTime';

const useNow = () => {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 60000);
    return () => clearInterval(timer);
  }, []);
  return now;
};

// Building a DateTimeFormat costs far more than formatting with one; list rows share them.
const fullFormats = new Map<string, Intl.DateTimeFormat>();
const fullFormat = (language: string) => {
  let format = fullFormats.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' });
    fullFormats.set(language, format);
  }
  return format;
};

export const Timestamp = ({ timestamp, simple, omitSuffix, className }: TimestampProps) => {
  const { i18n } = useTranslation('console-host');
  const now = useNow();
  if (!timestamp) return <div className={`co-timestamp ${className ?? ''}`}>-</div>;
  const date = new Date(timestamp);
  if (Number.isNaN(date.getTime()))
    return <div className={`co-timestamp ${className ?? ''}`}>-</div>;
  const full = fullFormat(i18n.language).format(date);
  const text =
    Math.abs(now.getTime() - date.getTime()) < 630 * 60000
      ? relativeTime(date, now, i18n.language, omitSuffix)
      : full;
  if (simple) return <>{text}</>;
  return (
    <div className={`co-timestamp ${className ?? ''}`}>
      <GlobeAmericasIcon className="co-icon-space-r" />
      <Tooltip content={date.toISOString()}>
        <time dateTime={date.toISOString()}>{text}</time>
      </Tooltip>
    </div>
  );
};
