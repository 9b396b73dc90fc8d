// Progressive enhancements for the back office; every page works without them.

// 看不清，换一张: a new captcha, by the link or by clicking the image
function refreshCaptcha(e) {
  e.preventDefault();
  fetch('/api/v1/captcha', {credentials: 'same-origin', cache: 'no-store'}).then(function (r) {
    return r.ok ? r.json() : Promise.reject(r.status);
  }).then(function (c) {
    var img = document.getElementById('captcha-img');
    img.src = c.image;
    if (c.testAnswer) {
      img.setAttribute('data-test-answer', c.testAnswer);
    }
    document.getElementById('captcha-id').value = c.id;
    var input = document.getElementById('captcha');
    input.value = '';
    input.focus();
  }).catch(function () {
    window.alert('获取验证码失败，请稍后再试');
  });
}
['captcha-refresh', 'captcha-img'].forEach(function (id) {
  var el = document.getElementById(id);
  if (el) {
    el.addEventListener('click', refreshCaptcha);
  }
});

// 返回上一页 on error pages
document.querySelectorAll('[data-back]').forEach(function (a) {
  a.addEventListener('click', function (e) {
    if (window.history.length > 1) {
      e.preventDefault();
      window.history.back();
    }
  });
});

document.addEventListener('submit', function (e) {
  var form = e.target;
  var message = form.getAttribute('data-confirm');
  if (message && !window.confirm(message)) {
    e.preventDefault();
    return;
  }
  // one click, one submission: a second click while the first is under way does nothing
  if (form.dataset.submitting) {
    e.preventDefault();
    return;
  }
  form.dataset.submitting = 'true';
  var buttons = form.querySelectorAll('button[type=submit]');
  buttons.forEach(function (b) { b.disabled = true; });
  // a download (a ZIP, a PDF) leaves the page where it is: give the buttons back once it has started
  if (form.hasAttribute('data-download')) {
    window.setTimeout(function () {
      delete form.dataset.submitting;
      buttons.forEach(function (b) { b.disabled = false; });
      form.dispatchEvent(new Event('titlecert:ready'));
    }, 3000);
  }
});
