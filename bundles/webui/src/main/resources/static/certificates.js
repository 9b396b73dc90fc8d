// 证书导出: 全选 the generated certificates of this page, count the checked ones, enable 批量下载.
(function () {
  var form = document.getElementById('export-form');
  if (!form) { return; }
  var all = document.getElementById('check-all');
  var button = document.getElementById('batch-download');
  var count = document.getElementById('checked-count');
  function boxes() {
    return Array.prototype.slice.call(form.querySelectorAll('input[name="id"]:not([disabled])'));
  }
  function update() {
    var checked = boxes().filter(function (b) { return b.checked; }).length;
    count.textContent = '已勾选 ' + checked + ' 本';
    button.disabled = checked === 0;
    all.checked = checked > 0 && checked === boxes().length;
  }
  all.addEventListener('change', function () {
    boxes().forEach(function (b) { b.checked = all.checked; });
    update();
  });
  form.addEventListener('change', function (e) {
    if (e.target.name === 'id') { update(); }
  });
  // after a download the buttons come back: 批量下载 again only while something is ticked
  form.addEventListener('titlecert:ready', update);
  update();
})();

// 下载全部: the browser's download manager receives the ZIP; the page shows how many certificates are in so far
(function () {
  var link = document.getElementById('download-all');
  var shown = document.getElementById('download-progress');
  if (!link || !shown || !window.fetch || !window.crypto) { return; }
  var base = link.getAttribute('href');
  link.addEventListener('click', function () {
    var bytes = new Uint8Array(12);
    window.crypto.getRandomValues(bytes);
    var id = Array.prototype.map.call(bytes, function (b) { return ('0' + b.toString(16)).slice(-2); }).join('');
    link.setAttribute('href', base + '?progress=' + id);
    shown.textContent = '正在打包…';
    var timer = window.setInterval(function () {
      fetch(base + '/progress?id=' + id, {credentials: 'same-origin'}).then(function (r) {
        if (r.status === 404) { return null; }
        return r.ok ? r.json() : null;
      }).then(function (p) {
        if (!p) { return; }
        shown.textContent = p.finished ? '下载全部已完成：共 ' + p.total + ' 本'
          : '正在打包：已完成 ' + p.done + ' / ' + p.total + ' 本';
        if (p.finished) { window.clearInterval(timer); link.setAttribute('href', base); }
      });
    }, 500);
    window.setTimeout(function () { window.clearInterval(timer); }, 30 * 60 * 1000);
  });
})();
