// kinerja-extract report, comparison page: a code's budget by district (planned, revised,
// realised side by side), the realisation rate per district, and the code × district coverage
// grid. The data is in the page (script#comparison-data); ECharts (assets/echarts.min.js) draws.
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('comparison-data').textContent);
  var byCode = {};
  data.codes.forEach(function (c) { byCode[c.code] = c; });
  var budget = echarts.init(document.getElementById('budget-chart'));
  var rate = echarts.init(document.getElementById('rate-chart'));
  var select = document.getElementById('code-select');
  var SERIES = [['plan', 'Rencana · Plan'], ['revised', 'Perubahan · Revised'], ['realised', 'Realisasi · Realised'], ['renstra', 'Renstra']];
  var rupiah = function (v) { return v === null || v === undefined ? '' : 'Rp ' + Number(v).toLocaleString('id-ID'); };

  data.codes.forEach(function (c) {
    var o = document.createElement('option');
    o.value = c.code;
    o.textContent = c.code + ' ' + c.name + ' (' + c.districts.length + ')';
    select.appendChild(o);
  });

  function render(code) {
    var c = byCode[code];
    var title = c ? c.code + ' ' + c.name : code + ' — tidak ada angka anggaran · no budget figures';
    document.getElementById('code-title').textContent = title;
    var districts = c ? c.districts : [];
    // no animation: a report is read, printed and captured as it stands, not watched growing
    budget.setOption({
      animation: false,
      title: { text: code, subtext: c ? c.name : '', left: 'center' },
      tooltip: { trigger: 'axis', valueFormatter: rupiah },
      legend: { top: 56 },
      grid: { top: 100, left: 120, right: 30, bottom: 60 },
      xAxis: { type: 'category', data: districts.map(function (d) { return d.district; }), axisLabel: { interval: 0, rotate: districts.length > 5 ? 20 : 0 } },
      yAxis: { type: 'value', name: 'Rp', axisLabel: { formatter: function (v) { return Number(v).toLocaleString('id-ID'); } } },
      series: SERIES.map(function (s) {
        var name = s[0] === 'renstra' && c && c.year ? s[1] + ' ' + c.year : s[1];
        return { name: name, type: 'bar', data: districts.map(function (d) { return d[s[0]]; }) };
      }),
    }, true);
    rate.setOption({
      animation: false,
      title: { text: code, left: 'center' },
      tooltip: { trigger: 'axis', valueFormatter: function (v) { return v === null ? '' : v + ' %'; } },
      grid: { top: 50, left: 60, right: 30, bottom: 50 },
      xAxis: { type: 'category', data: districts.map(function (d) { return d.district; }), axisLabel: { interval: 0 } },
      yAxis: { type: 'value', name: '%' },
      series: [{ name: 'Realisasi / anggaran · realised / budget', type: 'bar', data: districts.map(function (d) { return d.rate; }) }],
    }, true);
    select.value = code;
    document.querySelectorAll('#coverage tr').forEach(function (tr) { tr.classList.toggle('chosen', tr.getAttribute('data-code') === code); });
    if (location.hash !== '#code=' + code) history.replaceState(null, '', '#code=' + code);
  }

  function coverageGrid() {
    var codes = Object.keys(data.coverage).sort(function (a, b) {
      var da = Object.keys(data.coverage[a]).length, db = Object.keys(data.coverage[b]).length;
      return db - da || a.localeCompare(b, 'en', { numeric: true });
    });
    var t = document.createElement('table');
    var head = '<thead><tr><th>Kode · Code</th>' + data.districts.map(function (d) { return '<th>' + escapeHtml(d) + '</th>'; }).join('') + '</tr></thead>';
    var rows = codes.map(function (code) {
      var cells = data.districts.map(function (d) {
        var n = data.coverage[code][d];
        return n ? '<td class="hit" title="' + n + ' figures">' + n + '</td>' : '<td></td>';
      }).join('');
      return '<tr data-code="' + escapeHtml(code) + '"><td><a class="code" data-code="' + escapeHtml(code) + '">' + escapeHtml(code) + '</a></td>' + cells + '</tr>';
    }).join('');
    t.innerHTML = head + '<tbody>' + rows + '</tbody>';
    document.getElementById('coverage').appendChild(t);
    t.addEventListener('click', function (e) {
      var a = e.target.closest('a.code');
      if (a) render(a.getAttribute('data-code'));
    });
  }

  function escapeHtml(s) {
    return String(s).replace(/[&<>"']/g, function (c) { return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]; });
  }

  coverageGrid();
  select.addEventListener('change', function () { render(select.value); });
  window.addEventListener('resize', function () { budget.resize(); rate.resize(); });
  var fromHash = /^#code=(.+)$/.exec(location.hash);
  var first = fromHash ? decodeURIComponent(fromHash[1]) : (data.codes[0] && data.codes[0].code);
  if (first) render(first);
})();
