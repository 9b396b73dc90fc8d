// Progressive enhancements for the back office; every page works without them.

// 看不清，换一张: a new captcha of the same kind, by the link or by clicking the image; 改用算术题: a sum, asked in
// words as well (read out by screen readers). Without script the second link reloads the page with a sum.
function newCaptcha(arithmetic) {
  return function (e) {
    e.preventDefault();
    var variant = document.getElementById('captcha-variant');
    var sum = arithmetic || variant.value === 'arithmetic';
    fetch('/api/v1/captcha' + (sum ? '?variant=ARITHMETIC' : ''), {credentials: 'same-origin', cache: 'no-store'})
      .then(function (r) {
        return r.ok ? r.json() : Promise.reject(r.status);
      }).then(function (c) {
        var img = document.getElementById('captcha-img');
        var question = document.getElementById('captcha-question');
        img.src = c.image;
        if (c.testAnswer) {
          img.setAttribute('data-test-answer', c.testAnswer);
        }
        if (c.question) {
          img.alt = c.question;
          question.textContent = c.question;
          question.hidden = false;
          variant.value = 'arithmetic';
        }
        document.getElementById('captcha-id').value = c.id;
        var input = document.getElementById('captcha');
        input.value = '';
        input.focus();
      }).catch(function () {
        window.alert('获取验证码失败，请稍后再试');
      });
  };
}
[['captcha-refresh', false], ['captcha-img', false], ['captcha-arithmetic', true]].forEach(function (p) {
  var el = document.getElementById(p[0]);
  if (el) {
    el.addEventListener('click', newCaptcha(p[1]));
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
