// 上传照片: crop, zoom and rotate with a live preview (Cropper.js); the server applies the same crop.
(function () {
  var form = document.getElementById('photo-form');
  if (!form || typeof Cropper === 'undefined') {
    return;
  }
  var parts = form.getAttribute('data-aspect').split('/');
  var aspect = Number(parts[0]) / Number(parts[1]);
  var image = document.getElementById('crop-image');
  var input = document.getElementById('file');
  var preview = document.getElementById('preview');
  var buttons = form.querySelectorAll('[data-action], #save');
  var cropper = null;
  var objectUrl = null;

  function field(id, value) {
    document.getElementById(id).value = value;
  }

  function record() {
    var d = cropper.getData(true);
    field('crop-x', d.x);
    field('crop-y', d.y);
    field('crop-w', d.width);
    field('crop-h', d.height);
    field('crop-rotate', ((d.rotate % 360) + 360) % 360);
  }

  input.addEventListener('change', function () {
    var file = input.files && input.files[0];
    if (!file) {
      return;
    }
    if (cropper) {
      cropper.destroy();
    }
    if (objectUrl) {
      URL.revokeObjectURL(objectUrl);
    }
    preview.innerHTML = '';
    objectUrl = URL.createObjectURL(file);
    var placeholder = document.getElementById('crop-placeholder');
    if (placeholder) {
      placeholder.remove();
    }
    image.hidden = false;
    image.src = objectUrl;
    cropper = new Cropper(image, {
      aspectRatio: aspect,
      viewMode: 0,
      autoCropArea: 0.9,
      checkOrientation: false,
      preview: preview,
      crop: record
    });
    buttons.forEach(function (b) { b.disabled = false; });
  });

  form.addEventListener('click', function (e) {
    var action = e.target.getAttribute('data-action');
    if (!cropper || !action) {
      return;
    }
    if (action === 'zoom-in') { cropper.zoom(0.1); }
    if (action === 'zoom-out') { cropper.zoom(-0.1); }
    if (action === 'rotate-left') { cropper.rotate(-90); }
    if (action === 'rotate-right') { cropper.rotate(90); }
    if (action === 'reset') { cropper.reset(); }
    record();
  });

  form.addEventListener('submit', function () {
    if (cropper) {
      record();
    }
  });
})();
