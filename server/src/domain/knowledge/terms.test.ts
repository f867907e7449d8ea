import { describe, expect, it } from 'vitest';
import { questionTerms, scoreEntry } from './terms.ts';

describe('question terms', () => {
  it('cuts a Chinese question into pieces and drops filler words', () => {
    const terms = questionTerms('灵活就业人员怎么交养老保险？');
    expect(terms).toContain('养老');
    expect(terms).toContain('保险');
    expect(terms).toContain('就业');
    expect(terms).not.toContain('怎么');
    expect(questionTerms('食品经营许可')).toContain('食品经营许可'.slice(0, 2));
    expect(questionTerms('  ？？ ')).toEqual([]);
    expect(questionTerms('ICP 备案')).toEqual(['icp', '备案']);
  });

  it('scores title above tags above body', () => {
    const terms = ['养老'];
    const title = scoreEntry(terms, { title: '养老保险', tagsText: '', body: '' });
    const tag = scoreEntry(terms, { title: '参保', tagsText: '|养老|', body: '' });
    const body = scoreEntry(terms, { title: '参保', tagsText: '', body: '养老' });
    expect(title).toBeGreaterThan(tag);
    expect(tag).toBeGreaterThan(body);
    expect(scoreEntry(terms, { title: '食品', tagsText: '', body: '' })).toBe(0);
  });
});
