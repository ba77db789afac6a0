import { render } from 'preact';
import { localizePage } from '../platform/i18n';
import { App } from './App';

localizePage('extName');
render(
  <App autoCapture={new URLSearchParams(location.search).has('capture')} />,
  document.getElementById('app')!,
);
