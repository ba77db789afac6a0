import {
  createRecommendationEvents,
  type FeedbackEvent,
} from '../../src/recommendation/recommendationEvents';

const feedback: FeedbackEvent = {
  pick: {
    id: 'p1',
    mood: 'sad',
    media: 'music',
    strategy: 'match',
    providerId: 'spotify',
    query: 'sad songs',
  },
  verdict: 'good-pick',
  at: 1,
};

describe('recommendation events', () => {
  it('calls each listener that handles the event, and only those', async () => {
    const events = createRecommendationEvents();
    const onFeedback = jest.fn();
    const onCaptured = jest.fn();
    events.subscribe({ onFeedback });
    events.subscribe({ onCaptured });
    await events.emit('feedback', feedback);
    expect(onFeedback).toHaveBeenCalledWith(feedback);
    expect(onCaptured).not.toHaveBeenCalled();
  });

  it('waits for every listener, and one that fails stops none of the others', async () => {
    const events = createRecommendationEvents();
    const done: string[] = [];
    events.subscribe({
      onFeedback: async () => {
        throw new Error('journal storage is full');
      },
    });
    events.subscribe({
      onFeedback: () =>
        new Promise<void>((resolve) => setTimeout(() => resolve(void done.push('bandit')), 5)),
    });
    await expect(events.emit('feedback', feedback)).rejects.toThrow('journal storage is full');
    expect(done).toEqual(['bandit']);
  });

  it('stops calling a listener once it unsubscribes', async () => {
    const events = createRecommendationEvents();
    const onFeedback = jest.fn();
    const unsubscribe = events.subscribe({ onFeedback });
    unsubscribe();
    await events.emit('feedback', feedback);
    expect(onFeedback).not.toHaveBeenCalled();
  });
});
