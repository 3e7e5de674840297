import type { Route } from '../router.js';
import { Empty } from '../ui/states.js';
import { OverviewPage } from './overview.js';
import { IncidentsPage } from './incidents.js';
import { IncidentPage } from './incident.js';
import { AgreementPage } from './agreement.js';
import { CompliancePage } from './compliance.js';
import { ReviewPage } from './review.js';
import { LogPage } from './log.js';
import { OutboxPage } from './outbox.js';
import { PublicReportPage } from './public-report.js';
import { lazy } from '../ui/lazy.js';
import { Loading } from '../ui/states.js';
import { t } from '../i18n/index.js';

const PatrolPlanPage = lazy(() => import('../joint/patrol-plan-form.js').then((m) => m.PatrolPlanPage), () => t('jf.loading'), () => <Loading what={t('jf.loading')} />);
const AccessDeniedPage = lazy(() => import('../joint/access-denied-form.js').then((m) => m.AccessDeniedPage), () => t('jf.loading'), () => <Loading what={t('jf.loading')} />);
const ReportFormPage = lazy(() => import('../report/report-form.js').then((m) => m.ReportFormPage), () => t('lazy.reportForm'), () => <Loading what={t('lazy.reportForm')} />);

export function Pages({ route }: { route: Route }) {
  const [page = '', id] = route.segments;
  switch (page) {
    case '':
      return <OverviewPage />;
    case 'incidents':
      return id ? <IncidentPage id={id} /> : <IncidentsPage route={route} />;
    case 'agreement':
      return <AgreementPage />;
    case 'compliance':
      return <CompliancePage />;
    case 'review':
      return <ReviewPage />;
    case 'report':
      if (id === 'new') return <ReportFormPage />;
      break;
    case 'patrol':
      if (id === 'new') return <PatrolPlanPage />;
      break;
    case 'access-denied':
      if (id === 'new') return <AccessDeniedPage />;
      break;
    case 'log':
      return <LogPage />;
    case 'outbox':
      return <OutboxPage />;
    case 'public-report':
      return <PublicReportPage />;
  }
  return (
    <div class="card">
      <Empty title={t('page.notFound')}>
        <a href="#/">{t('page.toOverview')}</a>
      </Empty>
    </div>
  );
}
