/** Tokenizer for the label selector string syntax, mirroring the lexer in
 * k8s.io/apimachinery/pkg/labels so that odd inputs (`a=!b`, `a in(x)`) split the same way. */

export type TokenKind =
  'identifier' | 'in' | 'notin' | '!' | '=' | '==' | '!=' | '>' | '<' | '(' | ')' | ',' | 'end';

export interface Token {
  kind: TokenKind;
  literal: string;
}

const SYMBOLS = new Set(['!', '!=', '(', ')', ',', '=', '==', '>', '<']);
const SPECIAL_CHARS = new Set(['!', '=', '(', ')', ',', '<', '>']);
const WHITESPACE = new Set([' ', '\t', '\r', '\n']);

export function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const ch = input[i];
    if (WHITESPACE.has(ch)) {
      i++;
      continue;
    }
    if (SPECIAL_CHARS.has(ch)) {
      // Longest match, but only while the longer string is still a known symbol: `=!` is `=` then `!`.
      let symbol = ch;
      i++;
      while (i < input.length && SPECIAL_CHARS.has(input[i]) && SYMBOLS.has(symbol + input[i])) {
        symbol += input[i];
        i++;
      }
      tokens.push({ kind: symbol as TokenKind, literal: symbol });
      continue;
    }
    const start = i;
    while (i < input.length && !WHITESPACE.has(input[i]) && !SPECIAL_CHARS.has(input[i])) i++;
    const literal = input.slice(start, i);
    const kind: TokenKind = literal === 'in' || literal === 'notin' ? literal : 'identifier';
    tokens.push({ kind, literal });
  }
  tokens.push({ kind: 'end', literal: '' });
  return tokens;
}
