// 运行状态: draws each chart from /api/v1/metrics/dashboard and the last backup from /api/v1/backups, again at
// every sampling interval. Values are set as text, never as markup.
(function () {
  'use strict';
  var charts = document.getElementById('charts');
  if (!charts) { return; }
  var interval = Math.max(2, Number(document.getElementById('sampled').dataset.interval) || 10);
  var POINTS = 360, W = 240, H = 60;
  var SVG = 'http://www.w3.org/2000/svg';
  var STATES = { RUNNING: '进行中', DONE: '已完成', FAILED: '失败' };
  var PHASES = { DATABASE: '备份数据库', CHECKING: '校验数据库副本', FILES: '复制文件', DONE: '完成' };

  function number(v) {
    return Math.abs(v) >= 100 ? Math.round(v).toString() : (Math.round(v * 100) / 100).toString();
  }

  function draw(figure, series) {
    var values = series.values, max = 0, last = null;
    values.forEach(function (v) { if (v !== null) { max = Math.max(max, v); last = v; } });
    var scale = max > 0 ? max * 1.1 : 1;
    var svg = figure.querySelector('svg');
    while (svg.firstChild) { svg.removeChild(svg.firstChild); }
    var offset = POINTS - values.length, points = [];
    values.forEach(function (v, i) {
      if (v !== null) {
        points.push(((offset + i) * W / (POINTS - 1)).toFixed(1) + ',' + (H - 2 - v / scale * (H - 4)).toFixed(1));
      }
    });
    if (points.length > 0) {
      var area = document.createElementNS(SVG, 'polygon');
      var first = points[0].split(',')[0], end = points[points.length - 1].split(',')[0];
      area.setAttribute('points', first + ',' + H + ' ' + points.join(' ') + ' ' + end + ',' + H);
      area.setAttribute('class', 'chart-area');
      svg.appendChild(area);
      var line = document.createElementNS(SVG, 'polyline');
      line.setAttribute('points', points.join(' '));
      line.setAttribute('class', 'chart-line');
      svg.appendChild(line);
    }
    var value = figure.querySelector('.chart-value');
    value.textContent = last === null ? '—' : number(last) + ' ' + value.dataset.unit;
    figure.querySelector('.chart-min').textContent = '0';
    figure.querySelector('.chart-max').textContent = '最高 ' + number(max);
  }

  function field(name, text) {
    var list = document.getElementById('last-backup');
    var dd = list.querySelector('[data-field="' + name + '"]');
    if (!dd) {
      var labels = { startedAt: '开始时间', state: '状态', directory: '目录', files: '文件' };
      var dt = document.createElement('dt');
      dt.textContent = labels[name] || name;
      dd = document.createElement('dd');
      dd.dataset.field = name;
      list.appendChild(dt);
      list.appendChild(dd);
    }
    dd.textContent = text;
  }

  function size(bytes) {
    return bytes >= 1048576 ? (bytes / 1048576).toFixed(1) + ' MB' : Math.ceil(bytes / 1024) + ' KB';
  }

  function showBackup(b) {
    var total = 0;
    Object.keys(b.files || {}).forEach(function (k) { total += b.files[k]; });
    var state = STATES[b.state] || b.state;
    if (b.state === 'RUNNING') { state += '（' + (PHASES[b.phase] || b.phase) + '）'; }
    if (b.state === 'FAILED' && b.error) { state = b.error; }
    field('startedAt', new Date(b.startedAt).toLocaleString('zh-CN', { hour12: false }));
    field('state', state);
    field('directory', b.directory);
    field('files', b.filesCopied + ' / ' + total + ' 个，' + size(b.bytesCopied));
  }

  function get(url) {
    return fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (r) { return r.ok ? r.json() : null; });
  }

  function refresh() {
    Promise.all([get('/api/v1/metrics/dashboard'), get('/api/v1/backups')]).then(function (answers) {
      var dashboard = answers[0], recent = answers[1];
      if (dashboard) {
        dashboard.series.forEach(function (s) {
          var figure = charts.querySelector('[data-key="' + s.key + '"]');
          if (figure) { draw(figure, s); }
        });
        charts.dataset.sampledAt = dashboard.at;
      }
      if (recent && recent.length > 0) { showBackup(recent[0]); }
    }).catch(function () { /* the next refresh tries again */ })
      .then(function () { setTimeout(refresh, interval * 1000); });
  }

  refresh();
}());
