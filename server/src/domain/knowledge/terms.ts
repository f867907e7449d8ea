/**
 * Search terms for suggesting knowledge entries while a question is typed. Chinese has no spaces, so a
 * question is cut at punctuation and each run of Han characters also gives its two-character pieces
 * (bigrams); filler words of questions (怎么, 需要 …) are dropped.
 */
const FILLERS = new Set([
  '什么',
  '怎么',
  '怎样',
  '如何',
  '需要',
  '哪些',
  '可以',
  '是否',
  '请问',
  '我想',
  '一下',
  '办理',
  '要求',
  '多少',
  '这个',
  '那个',
  '的话',
  '能否',
  '能不',
  '不能',
  '我们',
  '你们',
  '他们',
  '还是',
  '或者',
  '已经',
  '现在',
  '应该',
]);

const HAN = /\p{Script=Han}/u;

export function questionTerms(text: string, max = 16): string[] {
  const terms: string[] = [];
  const add = (t: string) => {
    if (t.length >= 2 && !FILLERS.has(t) && !terms.includes(t)) terms.push(t);
  };
  for (const segment of text.split(/[\s\p{P}\p{S}]+/u)) {
    if (!segment) continue;
    if (!HAN.test(segment)) {
      add(segment.toLowerCase());
      continue;
    }
    if (segment.length <= 4) add(segment);
    for (let i = 0; i + 2 <= segment.length; i++) {
      const pair = segment.slice(i, i + 2);
      if (HAN.test(pair[0]!) && HAN.test(pair[1]!)) add(pair);
    }
  }
  return terms.slice(0, max);
}

/** A candidate's score: a term in the title counts most, then tags, then body. */
export function scoreEntry(terms: readonly string[], e: { title: string; tagsText: string; body: string }): number {
  let score = 0;
  for (const t of terms) {
    if (e.title.includes(t)) score += 3;
    if (e.tagsText.includes(t)) score += 2;
    if (e.body.includes(t)) score += 1;
  }
  return score;
}
