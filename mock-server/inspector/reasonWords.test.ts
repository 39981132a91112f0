import { ANSWERS } from '../core/answers';
import { reasonWords } from './reasonWords';

describe('reasonWords', () => {
  it('has words for every answer the registry knows, and for a reset', () => {
    for (const reason of [...ANSWERS.keys(), 'RESET']) expect(reasonWords(reason)).toMatch(/\w/);
  });

  it('says nothing for a code nobody describes', () => {
    expect(reasonWords('NO_SUCH_REASON')).toBeUndefined();
  });
});
