import { render } from 'preact';
import { Root } from './app.js';
import './styles/base.css';
import './styles/layout.css';
import './styles/components.css';
import './styles/overview.css';
import './styles/map.css';
import './styles/incidents.css';
import './styles/agreement.css';
import './styles/review.css';
import './styles/log.css';
import './styles/forms.css';

render(<Root />, document.getElementById('app')!);
