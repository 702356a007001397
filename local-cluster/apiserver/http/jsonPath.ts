/**
 * The subset of kubectl's JSONPath that printer columns use: `.a.b`, escaped dots (`.metadata.
 * labels.app\.kubernetes\.io/name`), indexes (`[0]`) and equality filters
 * (`[?(@.type=='Ready')].status`). Returns every match, in order.
 */
export const evaluateJsonPath = (root: unknown, path: string): unknown[] => {
  let current: unknown[] = [root];
  const re = /\.((?:\\.|[^.[\\])+)|\[(\d+|\*)\]|\[\?\(@\.([\w.]+)\s*==\s*['"]([^'"]*)['"]\)\]/gy;
  const expr = path.replace(/^\{|\}$/g, '');
  let match: RegExpExecArray | null;
  while ((match = re.exec(expr)) !== null) {
    const [, field, index, filterField, filterValue] = match;
    const next: unknown[] = [];
    for (const value of current) {
      if (field !== undefined) {
        const key = field.replace(/\\(.)/g, '$1');
        if (value && typeof value === 'object' && !Array.isArray(value) && key in value) {
          next.push((value as Record<string, unknown>)[key]);
        }
      } else if (index !== undefined) {
        if (!Array.isArray(value)) continue;
        if (index === '*') next.push(...value);
        else if (Number(index) < value.length) next.push(value[Number(index)]);
      } else if (Array.isArray(value)) {
        for (const item of value) {
          const v = evaluateJsonPath(item, `.${filterField}`)[0];
          if (v !== undefined && String(v) === filterValue) next.push(item);
        }
      }
    }
    current = next;
    if (re.lastIndex === expr.length) break;
  }
  return current.filter((v) => v !== undefined);
};
