/**
 * Splits a shell command line into commands (at unquoted `;`) and words, the small part of
 * POSIX shell syntax the built-in guest's shell needs: single quotes keep text as is, double
 * quotes still expand `$NAME`, a backslash escapes the next character.
 */
export function parseCommandLine(line: string, vars: Readonly<Record<string, string>>): string[][] {
  const commands: string[][] = [];
  let words: string[] = [];
  let word = '';
  let inWord = false;
  let quote: '"' | "'" | undefined;
  const endWord = (): void => {
    if (inWord) words.push(word);
    word = '';
    inWord = false;
  };
  const expand = (from: number): number => {
    const rest = line.slice(from + 1);
    const match = /^(\?|[A-Za-z_][A-Za-z0-9_]*|\{[A-Za-z_][A-Za-z0-9_]*\})/.exec(rest);
    if (!match) {
      word += '$';
      return from;
    }
    const name = match[1].replace(/^\{|\}$/g, '');
    word += vars[name] ?? '';
    return from + match[1].length;
  };
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quote === "'") {
      if (ch === "'") quote = undefined;
      else word += ch;
      continue;
    }
    if (quote === '"') {
      if (ch === '"') quote = undefined;
      else if (ch === '\\' && i + 1 < line.length && '"\\$'.includes(line[i + 1]))
        word += line[++i];
      else if (ch === '$') i = expand(i);
      else word += ch;
      continue;
    }
    if (ch === "'" || ch === '"') {
      quote = ch;
      inWord = true;
    } else if (ch === '\\' && i + 1 < line.length) {
      word += line[++i];
      inWord = true;
    } else if (ch === '$') {
      inWord = true;
      i = expand(i);
    } else if (ch === ';') {
      endWord();
      if (words.length) commands.push(words);
      words = [];
    } else if (ch === '#' && !inWord) {
      break;
    } else if (/\s/.test(ch)) {
      endWord();
    } else {
      word += ch;
      inWord = true;
    }
  }
  endWord();
  if (words.length) commands.push(words);
  return commands;
}
