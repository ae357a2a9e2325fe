// Class register: "All present" ticks every checkbox of its session's form instead of saving at once, so that
// the operator can untick the absent before saving. Without scripts the button saves everyone present.
document.querySelectorAll('[data-all-present]').forEach(function (button) {
  button.addEventListener('click', function (event) {
    event.preventDefault();
    Array.prototype.forEach.call(button.form.elements, function (field) {
      if (field.type === 'checkbox' && !field.disabled) {
        field.checked = true;
      }
    });
  });
});
