/**
 * taskKey remembers the texts it was last given (src/domain/text.ts rememberedText): a
 * text met again gives what it gave, and the memo stays within its limit.
 */
import { rememberedText } from '../../src/domain/text';

describe('rememberedText', () => {
  it('works out a text once while it is remembered, and gives the same answer', () => {
    const seen: string[] = [];
    const upper = rememberedText((t) => {
      seen.push(t);
      return t.toUpperCase();
    });
    expect(['a', 'b', 'a', 'b', 'a'].map(upper)).toEqual(['A', 'B', 'A', 'B', 'A']);
    expect(seen).toEqual(['a', 'b']);
  });

  it('starts afresh when full: never more than its limit, the answers unchanged', () => {
    const seen: string[] = [];
    const upper = rememberedText((t) => {
      seen.push(t);
      return t.toUpperCase();
    }, 2);
    expect(['a', 'b', 'c', 'a', 'c'].map(upper)).toEqual(['A', 'B', 'C', 'A', 'C']);
    // 'c' found the memo full ('a', 'b') and started a new one; 'a' was forgotten, 'c' was not.
    expect(seen).toEqual(['a', 'b', 'c', 'a']);
  });
});
