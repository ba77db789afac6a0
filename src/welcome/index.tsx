import { render } from 'preact';
import { localizePage } from '../platform/i18n';
import { App } from './App';

localizePage('welcome_pageTitle');
render(<App />, document.getElementById('app')!);
