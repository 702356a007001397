import type { FC, ReactNode } from 'react';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  PrometheusEndpoint,
  Timestamp,
  useAccessReview,
  usePrometheusPoll,
} from '@openshift-console/dynamic-plugin-sdk';
import {
  Card,
  CardBody,
  CardTitle,
  Content,
  Flex,
  FlexItem,
  List,
  ListItem,
  Spinner,
} from '@patternfly/react-core';
import {
  ExclamationCircleIcon,
  ExclamationTriangleIcon,
  InfoCircleIcon,
} from '@patternfly/react-icons';
import type { VirtualMachine } from '../../../../../models/types';
import {
  alertsTenancyNamespace,
  type AlertSeverity,
  CLUSTER_MONITORING_ACCESS,
  countBySeverity,
  getVMAlerts,
  isForbiddenError,
  type PrometheusRulesResponse,
} from '../../../../../utils/vmAlerts';

const POLL_MS = 30_000;
const SEVERITIES: AlertSeverity[] = ['critical', 'warning', 'info'];

const SeverityIcon: FC<{ severity: AlertSeverity }> = ({ severity }) =>
  severity === 'critical' ? (
    <ExclamationCircleIcon
      aria-hidden
      color="var(--pf-t--global--icon--color--status--danger--default)"
    />
  ) : severity === 'warning' ? (
    <ExclamationTriangleIcon
      aria-hidden
      color="var(--pf-t--global--icon--color--status--warning--default)"
    />
  ) : (
    <InfoCircleIcon aria-hidden color="var(--pf-t--global--icon--color--status--info--default)" />
  );

type AlertsBodyProps = {
  vm: VirtualMachine;
  /** Set: the tenancy rules of this namespace; unset: the cluster-wide rules. */
  tenancyNamespace?: string;
  /** Called when the cluster-wide rules answer 403 (the card then tries the tenancy path). */
  onForbidden?: () => void;
};

/** The card's body: polls one rules endpoint and lists the VM's alerts from it. */
const AlertsBody: FC<AlertsBodyProps> = ({ vm, tenancyNamespace, onForbidden }) => {
  const { t } = useTranslation('plugin__virt-console-plugin');
  const [response, loaded, error] = usePrometheusPoll({
    endpoint: PrometheusEndpoint.RULES,
    namespace: tenancyNamespace,
    delay: POLL_MS,
  });
  const forbidden = !tenancyNamespace && Boolean(onForbidden) && isForbiddenError(error);
  useEffect(() => {
    if (forbidden) onForbidden?.();
  }, [forbidden, onForbidden]);
  const alerts = getVMAlerts(response as PrometheusRulesResponse | undefined, {
    name: vm.metadata?.name ?? '',
    namespace: vm.metadata?.namespace ?? '',
  });
  const counts = countBySeverity(alerts);
  const severityText: Record<AlertSeverity, string> = {
    critical: t('Critical'),
    warning: t('Warning'),
    info: t('Info'),
  };

  if (forbidden) return <Spinner size="md" aria-label={t('Loading alerts')} />;
  if (error) return <Content component="p">{t('Alerts are not available.')}</Content>;
  if (!loaded && !response) return <Spinner size="md" aria-label={t('Loading alerts')} />;
  if (alerts.length === 0) return <Content component="p">{t('No alerts')}</Content>;
  return (
    <>
      <Flex className="pf-v6-u-mb-sm" aria-label={t('Alerts by severity')} role="group">
        {SEVERITIES.map((s) => (
          <FlexItem key={s}>
            <SeverityIcon severity={s} /> {severityText[s]} {counts[s]}
          </FlexItem>
        ))}
      </Flex>
      <List isPlain isBordered aria-label={t('Alerts')}>
        {alerts.map((a) => (
          <ListItem key={a.key}>
            <div>
              <SeverityIcon severity={a.severity} /> <span>{severityText[a.severity]}</span>
              {' · '}
              <strong>{a.name}</strong>
            </div>
            {a.summary && <Content component="p">{a.summary}</Content>}
            {a.description && <Content component="small">{a.description}</Content>}
            {a.activeAt && (
              <Content component="small" className="pf-v6-u-display-block">
                {t('Firing since')} <Timestamp timestamp={a.activeAt} />
              </Content>
            )}
          </ListItem>
        ))}
      </List>
    </>
  );
};

/**
 * The VM's firing Prometheus alerts (rules endpoint: labels and annotations), most severe first,
 * with a count per severity; says so when there are none, or when metrics are not available.
 * Users who cannot read the cluster-wide Prometheus (access review, or a 403 from it) get the
 * tenancy rules of the VM's namespace instead, as the console serves them to project users.
 */
const AlertsCard: FC<{ vm: VirtualMachine }> = ({ vm }) => {
  const { t } = useTranslation('plugin__virt-console-plugin');
  const cardId = useId();
  const [canReadCluster, accessLoading] = useAccessReview(CLUSTER_MONITORING_ACCESS);
  const [clusterForbidden, setClusterForbidden] = useState(false);
  const tenancyNamespace = alertsTenancyNamespace({
    canReadCluster,
    clusterForbidden,
    namespace: vm.metadata?.namespace ?? '',
  });

  let body: ReactNode;
  if (accessLoading) body = <Spinner size="md" aria-label={t('Loading alerts')} />;
  else
    body = (
      // A new endpoint starts a fresh poll (no answer or error of the other one carried over).
      <AlertsBody
        key={tenancyNamespace ?? '#cluster#'}
        vm={vm}
        tenancyNamespace={tenancyNamespace}
        onForbidden={() => setClusterForbidden(true)}
      />
    );

  return (
    <Card id={cardId} component="section" aria-labelledby={`${cardId}-title`}>
      <CardTitle component="h2">{t('Alerts')}</CardTitle>
      <CardBody>{body}</CardBody>
    </Card>
  );
};

export default AlertsCard;
