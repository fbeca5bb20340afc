// kinerja-extract report: sortable tables. A click on a header sorts its table by that column
// (numbers by their value, not as printed); a second click reverses.
(function () {
  'use strict';
  function key(cell) {
    if (!cell) return '';
    var s = cell.getAttribute('data-sort');
    if (s !== null && s !== '' && !isNaN(Number(s))) return Number(s);
    return (s !== null ? s : cell.textContent || '').trim().toLowerCase();
  }
  function sortBy(table, col, th) {
    var body = table.tBodies[0];
    var asc = !th.classList.contains('asc');
    Array.prototype.forEach.call(th.parentNode.children, function (x) { x.classList.remove('asc', 'desc'); });
    th.classList.add(asc ? 'asc' : 'desc');
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = key(a.cells[col]), y = key(b.cells[col]);
      if (x === y) return 0;
      if (typeof x === 'number' && typeof y === 'number') return asc ? x - y : y - x;
      return asc ? String(x).localeCompare(String(y), 'id') : String(y).localeCompare(String(x), 'id');
    });
    rows.forEach(function (r) { body.appendChild(r); });
  }
  document.querySelectorAll('table.sortable').forEach(function (table) {
    var head = table.tHead && table.tHead.rows[0];
    if (!head) return;
    Array.prototype.forEach.call(head.cells, function (th, col) {
      th.addEventListener('click', function () { sortBy(table, col, th); });
    });
  });
})();
