import type { z } from 'zod';
import { shownFileName } from './file-name';

/** A name taken from the file itself (a key of a record): written out and kept short, as file names are. */
const named = (part: PropertyKey) => shownFileName(String(part), 60);

/**
 * Where in a file a problem is, in words: `items › 2 › filters` is "item 3: filters" (people count
 * from one), `targets › 0 › value` is "target 1: value", a nest of names joined by ›.
 */
export function placeInWords(path: readonly PropertyKey[]): string {
  const words: string[] = [];
  for (const [i, part] of path.entries()) {
    if (typeof part === 'number') continue;
    const next = path[i + 1];
    const name = named(part);
    words.push(typeof next === 'number' ? `${name.replace(/s$/, '')} ${next + 1}` : name);
  }
  if (words.length <= 1) return words.join('');
  // "item 3: filters" (a field of a numbered entry); "values › early_help_episodes › outcome" otherwise.
  const last = words.pop() as string;
  const before = words.join(' › ');
  return /\s\d+$/.test(before) ? `${before}: ${last}` : `${before} › ${last}`;
}

/** What zod found, in plain words (its own messages are for programmers). */
function issueWords(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return /received undefined/.test(issue.message) ? 'is missing' : `is not ${article(issue.expected)}`;
    case 'unrecognized_keys':
      return `has ${issue.keys.length === 1 ? 'a field' : 'fields'} this version does not know (${issue.keys.map((k) => `“${named(k)}”`).join(', ')})`;
    case 'too_big':
      return issue.origin === 'string' ? `is too long (at most ${issue.maximum} characters)` : 'has too many entries';
    case 'too_small':
      return issue.origin === 'string' ? 'is empty or too short' : 'has too few entries';
    case 'invalid_value':
    case 'invalid_union':
      // A schema may say what it allows in words (zod's own message is "Invalid input").
      return issue.message.startsWith('is ') ? issue.message : 'is not one of the values allowed';
    case 'invalid_format':
      return 'is not in the form expected';
    default:
      return issue.message;
  }
}

const article = (type: string) => (/^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`);

/** The first problem zod found, as "item 3: filters is not valid" (the message alone at the top). */
export function firstProblem(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'an unknown problem';
  const place = placeInWords(issue.path);
  const words = issueWords(issue);
  return place ? `${place} ${words}` : `the file ${words}`;
}
