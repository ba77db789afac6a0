import { render } from 'preact';
import { App } from './App';

render(
  <App autoCapture={new URLSearchParams(location.search).has('capture')} />,
  document.getElementById('app')!,
);
