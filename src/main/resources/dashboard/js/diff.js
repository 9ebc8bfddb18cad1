// A line diff between two texts (longest common subsequence), shown like a unified diff.

import { h } from './dom.js';

/** [{type: ' '|'+'|'-', text}] turning `before` into `after`. */
export function diffLines(before, after) {
  const a = before ? before.split('\n') : [];
  const b = after ? after.split('\n') : [];
  const n = a.length;
  const m = b.length;
  // lengths[i][j]: LCS of a[i..] and b[j..]
  const lengths = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lengths[i][j] = a[i] === b[j] ? lengths[i + 1][j + 1] + 1 : Math.max(lengths[i + 1][j], lengths[i][j + 1]);
    }
  }
  const lines = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      lines.push({ type: ' ', text: a[i] });
      i++;
      j++;
    } else if (lengths[i + 1][j] >= lengths[i][j + 1]) {
      lines.push({ type: '-', text: a[i++] });
    } else {
      lines.push({ type: '+', text: b[j++] });
    }
  }
  while (i < n) lines.push({ type: '-', text: a[i++] });
  while (j < m) lines.push({ type: '+', text: b[j++] });
  return lines;
}

/** The changed lines with `context` unchanged lines around them; long unchanged runs fold into one marker. */
export function renderDiff(lines, context = 3) {
  if (!lines.some((line) => line.type !== ' ')) {
    return h('p', { class: 'muted' }, 'The two versions have the same YAML.');
  }
  const keep = lines.map(() => false);
  lines.forEach((line, index) => {
    if (line.type === ' ') return;
    for (let k = Math.max(0, index - context); k <= Math.min(lines.length - 1, index + context); k++) keep[k] = true;
  });
  const rows = [];
  let folded = 0;
  lines.forEach((line, index) => {
    if (!keep[index]) {
      folded++;
      return;
    }
    if (folded) {
      rows.push(h('div', { class: 'diff-fold' }, `… ${folded} unchanged lines …`));
      folded = 0;
    }
    const kind = line.type === '+' ? 'add' : line.type === '-' ? 'del' : 'same';
    rows.push(h('div', { class: `diff-line diff-${kind}` }, h('span', { class: 'diff-mark' }, line.type), h('span', {}, line.text)));
  });
  if (folded) rows.push(h('div', { class: 'diff-fold' }, `… ${folded} unchanged lines …`));
  const added = lines.filter((l) => l.type === '+').length;
  const removed = lines.filter((l) => l.type === '-').length;
  return h('div', { class: 'diff' }, h('div', { class: 'diff-stats' },
    h('span', { class: 'diff-add-count' }, `+${added}`), h('span', { class: 'diff-del-count' }, `−${removed}`)), h('div', { class: 'diff-body' }, rows));
}
