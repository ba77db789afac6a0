/** The web app's page: the app, and the service worker that keeps it (and its models) for offline use. */
import { render } from 'preact';
import { App } from './App';
import { localizePage } from './i18n';

localizePage('web_title');
render(<App />, document.getElementById('app')!);

// Registered after the page is up, so precaching the models does not compete with its first load.
if ('serviceWorker' in navigator) {
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('sw.js').catch(() => undefined); // the app works without it, online
  });
}
