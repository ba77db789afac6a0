import { render } from 'preact';
import { localizePage } from '../platform/i18n';
import { App } from './App';

localizePage('options_pageTitle');
render(<App />, document.getElementById('app')!);
