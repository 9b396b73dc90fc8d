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
