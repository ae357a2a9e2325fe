// "Near me" on the public search (directory/search-form.html): the button shows only where the browser can tell
// its position. The position, rounded to about a kilometre, goes to the server as lat and lon, which searches near
// the nearest comune; nothing else about it is kept. Without script, or when the visitor says no, the form works as
// before with the comune typed.
(function () {
  var button = document.getElementById('near-me');
  if (!button || !('geolocation' in navigator)) {
    return;
  }
  button.hidden = false;
  button.addEventListener('click', function () {
    button.disabled = true;
    navigator.geolocation.getCurrentPosition(function (position) {
      var form = button.form;
      ['near-lat', 'near-lon'].forEach(function (id, i) {
        var field = document.getElementById(id);
        field.name = field.getAttribute('data-name');
        field.value = (i === 0 ? position.coords.latitude : position.coords.longitude).toFixed(2);
      });
      form.querySelector('#comune').value = '';
      form.submit();
    }, function () {
      button.disabled = false;
    }, {maximumAge: 600000, timeout: 15000});
  });
})();
