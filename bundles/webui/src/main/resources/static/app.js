// Progressive enhancements for the back office; every page works without them.
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
  form.querySelectorAll('button[type=submit]').forEach(function (b) { b.disabled = true; });
});
