// "Print" buttons on printable pages (no inline scripts: the CSP forbids them).
document.querySelectorAll('[data-print]').forEach(function (button) {
  button.addEventListener('click', function () { window.print(); });
});
