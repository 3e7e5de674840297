import { render } from 'preact';
import { Root } from './app.js';
import { startLocale } from './i18n/index.js';
import './styles/base.css';
import './styles/fonts.css';
import './styles/layout.css';
import './styles/components.css';
import './styles/overview.css';
import './styles/map.css';
import './styles/incidents.css';
import './styles/agreement.css';
import './styles/review.css';
import './styles/log.css';
import './styles/forms.css';

// The language (and its catalog) first, so the first paint is already in the reader's language and direction.
void startLocale().finally(() => render(<Root />, document.getElementById('app')!));

// Earlier versions of the service worker kept every API answer in "truce-api", a member's signed reads included, under
// their URL; the worker now keeps only the public's (vite.config.ts). Drop the old cache on every device for good.
if ('caches' in window) void caches.delete('truce-api');
