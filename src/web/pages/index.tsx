import type { Route } from '../router.js';
import { Empty } from '../ui/states.js';
import { OverviewPage } from './overview.js';
import { IncidentsPage } from './incidents.js';
import { IncidentPage } from './incident.js';
import { AgreementPage } from './agreement.js';
import { CompliancePage } from './compliance.js';
import { ReviewPage } from './review.js';
import { LogPage } from './log.js';

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
    case 'log':
      return <LogPage />;
    default:
      return (
        <div class="card">
          <Empty title="There is no such page">
            <a href="#/">Go to the overview</a>
          </Empty>
        </div>
      );
  }
}
