// The layout checks of the browser suite, run in the page (see checks.rs): what a reader of
// the page would notice as cut off. Returns a list of problems, each a sentence.
//
// - The page must not scroll sideways.
// - No table cell may be clipped: its content fits its box (1 px of rounding allowed), and
//   its right edge is inside the viewport, unless the cell is inside a container meant to
//   scroll sideways that says so to every reader (overflow-x auto or scroll, and
//   role="region" with an accessible name), where the reader can scroll to it.
const problems = [];
const doc = document.documentElement;
const viewport = doc.clientWidth;
if (doc.scrollWidth > viewport) {
  problems.push(`the page scrolls sideways: ${doc.scrollWidth} px wide in a ${viewport} px viewport`);
}
const short = (text) => {
  const t = (text || '').replace(/\s+/g, ' ').trim();
  return t.length > 40 ? `${t.slice(0, 40)}…` : t;
};
const tableName = (table) => {
  const caption = table.querySelector('caption');
  const section = table.closest('section');
  const heading = section && section.querySelector('h2, h3');
  const label = (caption && caption.textContent) || (heading && heading.textContent) || '';
  const cls = table.className ? `table.${table.className.trim().split(/\s+/).join('.')}` : 'table';
  return label ? `${cls} "${short(label)}"` : cls;
};
// The right edge up to which a cell can be seen: the viewport's, or a clipping ancestor's;
// `null` inside a declared scroller, where the reader can scroll to any cell.
const visibleRight = (cell) => {
  let limit = viewport;
  for (let el = cell.parentElement; el && el !== doc && el !== document.body; el = el.parentElement) {
    const overflow = getComputedStyle(el).overflowX;
    if (overflow === 'visible') continue;
    const named = el.getAttribute('aria-label') || el.getAttribute('aria-labelledby');
    const scrolls = overflow === 'auto' || overflow === 'scroll';
    if (scrolls && el.getAttribute('role') === 'region' && named) return null;
    limit = Math.min(limit, el.getBoundingClientRect().right);
  }
  return limit;
};
// Whether a cell is inside a part of the table hidden for the eye and kept for screen
// readers (a 1 px clipped box, as the phone layout does with the column headings, which it
// repeats beside each value): nobody sees it, so nothing in it can look cut off.
const onlyForScreenReaders = (cell) => {
  for (let el = cell.parentElement; el && el.tagName !== 'TABLE'; el = el.parentElement) {
    const box = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    const clipped = style.overflow === 'hidden' || style.clipPath !== 'none';
    if (clipped && (box.width <= 1 || box.height <= 1)) return true;
  }
  return false;
};
// Problems are grouped by table and column, with the column's heading and one example.
const groups = new Map();
const heading = (table, index) => {
  const head = table.tHead && table.tHead.rows[0];
  return head && head.cells[index] ? short(head.cells[index].textContent) : '';
};
for (const cell of document.querySelectorAll('td, th')) {
  const box = cell.getBoundingClientRect();
  if (box.width === 0 && box.height === 0) continue; // not shown at this width
  const style = getComputedStyle(cell);
  if (style.visibility === 'hidden' || style.display === 'none') continue;
  if (onlyForScreenReaders(cell)) continue;
  const table = cell.closest('table');
  const column = `${tableName(table)} column ${cell.cellIndex + 1} "${heading(table, cell.cellIndex)}"`;
  const found = [];
  if (cell.scrollWidth > cell.clientWidth + 1) {
    found.push(['content wider than its cell', `"${short(cell.textContent)}" needs ${cell.scrollWidth} px, has ${cell.clientWidth} px`]);
  }
  const limit = visibleRight(cell);
  if (limit !== null && box.right > limit + 1) {
    found.push(['cut off at the right', `right edge at ${Math.round(box.right)} px, ${Math.round(limit)} px visible`]);
  }
  for (const [kind, example] of found) {
    const key = `${column}: ${kind}`;
    const group = groups.get(key) || { count: 0, example };
    group.count += 1;
    groups.set(key, group);
  }
}
for (const [key, group] of groups) {
  const cells = group.count === 1 ? '1 cell' : `${group.count} cells`;
  problems.push(`${key} (${cells}; ${group.example})`);
}
return problems;
