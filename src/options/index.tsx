/**
 * The options page. For now it holds the recommendations section only; the options issue (#12)
 * adds the others (settings, journal, data) beside it.
 */
import { render } from 'preact';
import { RecommendationsSection } from './sections/recommendations';

function OptionsPage() {
  return (
    <main>
      <h1>Moodtab options</h1>
      <RecommendationsSection />
    </main>
  );
}

render(<OptionsPage />, document.getElementById('app')!);
