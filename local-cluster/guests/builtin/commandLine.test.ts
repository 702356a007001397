import { describe, expect, it } from 'vitest';
import { parseCommandLine } from './commandLine';

const vars = { USER: 'fedora', HOME: '/home/fedora', '?': '0' };

describe('parseCommandLine', () => {
  it.each([
    ['echo hello world', [['echo', 'hello', 'world']]],
    ['  echo   spaced  ', [['echo', 'spaced']]],
    ['echo "a  b" \'c  d\'', [['echo', 'a  b', 'c  d']]],
    ['echo $USER ${HOME} $?', [['echo', 'fedora', '/home/fedora', '0']]],
    ['echo "$USER"\'$USER\'', [['echo', 'fedora$USER']]],
    ['echo a\\ b', [['echo', 'a b']]],
    [
      'echo one; echo two;',
      [
        ['echo', 'one'],
        ['echo', 'two'],
      ],
    ],
    ['echo "x;y"', [['echo', 'x;y']]],
    ['echo hi # comment', [['echo', 'hi']]],
    ['echo ""', [['echo', '']]],
    ['echo $NOPE.', [['echo', '.']]],
    ['echo $', [['echo', '$']]],
    ['', []],
  ])('%j', (line, expected) => {
    expect(parseCommandLine(line, vars)).toEqual(expected);
  });
});
