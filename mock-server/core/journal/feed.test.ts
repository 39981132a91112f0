import { createFeed } from './feed';
import type { JournalMessage } from './types';

describe('journal: the feed', () => {
  test('tells every subscriber, skips one that throws, and stops on unsubscribe and close', () => {
    const feed = createFeed();
    expect(feed.active).toBe(false);
    const a: JournalMessage['type'][] = [];
    const b: JournalMessage['type'][] = [];
    const offA = feed.subscribe((m) => a.push(m.type));
    feed.subscribe(() => {
      throw new Error('broken listener');
    });
    feed.subscribe((m) => b.push(m.type));
    expect(feed.active).toBe(true);
    feed.emit({ type: 'clear' });
    offA();
    feed.emit({ type: 'clear' });
    feed.close();
    feed.emit({ type: 'clear' });
    expect(a).toEqual(['clear']);
    expect(b).toEqual(['clear', 'clear']);
    expect(feed.active).toBe(false);
  });
});
