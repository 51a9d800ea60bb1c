import { closest, distance } from 'fastest-levenshtein';

/**
 * ` (did you mean "u15-share"?)` when one of the candidates is a likely typo of the word
 * (at most a third of its letters differ, case ignored); otherwise the empty string.
 */
export function didYouMean(word: string, candidates: Iterable<string>): string {
  const list = [...candidates];
  if (list.length === 0 || word === '') return '';
  const lower = list.map((candidate) => candidate.toLowerCase());
  const best = closest(word.toLowerCase(), lower);
  const found = list[lower.indexOf(best)];
  return found !== word && distance(word.toLowerCase(), best) <= Math.max(1, Math.floor(word.length / 3)) ? ` (did you mean "${found}"?)` : '';
}
