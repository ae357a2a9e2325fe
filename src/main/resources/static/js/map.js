// Choropleth maps of Lombardy (ECharts). A map element carries:
//   data-map                         marks it
//   data-features="url"              GeoJSON of the comuni to colour (properties istat_code, name)
//   data-provinces="url"             GeoJSON of the provinces, drawn underneath for context
//   data-assign='{"015146":"Rete Milano"}'  optional: comune -> group, one colour per group
//   data-group="label"               optional: the group of every comune when data-assign is absent
// A table beside each map carries the same data for screen readers and keyboard users.
(function () {
  'use strict';
  var palette = ['#0066cc', '#d1344c', '#008055', '#a66300', '#6c3fb5', '#00829b', '#b5338a',
    '#4d6b00', '#995c00', '#3355aa', '#8a3b12', '#1f7a7a', '#7a5c99'];

  function getJson(url) {
    return fetch(url, { credentials: 'same-origin' }).then(function (r) { return r.json(); });
  }

  function draw(el) {
    Promise.all([getJson(el.dataset.provinces), getJson(el.dataset.features)]).then(function (geo) {
      var provinces = geo[0];
      var comuni = geo[1];
      var assign = el.dataset.assign ? JSON.parse(el.dataset.assign) : {};
      var groups = Array.from(new Set(Object.keys(assign).map(function (k) { return assign[k]; })));
      var features = provinces.features.map(function (f) {
        return { type: 'Feature', geometry: f.geometry, properties: { key: 'P' + f.properties.code } };
      }).concat(comuni.features.map(function (f) {
        return { type: 'Feature', geometry: f.geometry, properties: { key: f.properties.istat_code } };
      }));
      echarts.registerMap(el.id, { type: 'FeatureCollection', features: features });
      var names = {};
      provinces.features.forEach(function (f) { names['P' + f.properties.code] = f.properties.name; });
      var chart = echarts.init(el);
      chart.setOption({
        aria: { enabled: true },
        tooltip: {
          formatter: function (p) {
            if (p.data) { return p.data.label + (p.data.group ? ' — ' + p.data.group : ''); }
            return names[p.name] || '';
          }
        },
        series: [{
          type: 'map', map: el.id, nameProperty: 'key', roam: true, selectedMode: false,
          itemStyle: { areaColor: '#eef0f2', borderColor: '#8a9299', borderWidth: 0.6 },
          emphasis: { label: { show: false }, itemStyle: { areaColor: '#ffd166' } },
          data: comuni.features.map(function (f) {
            var code = f.properties.istat_code;
            var group = assign[code] || el.dataset.group || '';
            var i = groups.indexOf(group);
            return {
              name: code, label: f.properties.name, group: group,
              itemStyle: { areaColor: palette[(i < 0 ? 0 : i) % palette.length], borderColor: '#ffffff' }
            };
          })
        }]
      });
      window.addEventListener('resize', function () { chart.resize(); });
    });
  }

  document.querySelectorAll('[data-map]').forEach(draw);
})();
