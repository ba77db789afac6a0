import { render } from 'preact';
import { localizePage } from '../platform/i18n';
import { App } from './App';

localizePage('extName');
render(<App />, document.getElementById('app')!);
