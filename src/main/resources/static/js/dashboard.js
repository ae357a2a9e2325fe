// Dashboard charts (ECharts). The page carries the data; this script only draws it.
//   [data-chart]          {"kind":"bar|hbar|line","axis":..,"keys":[..],"categories":[..],"names":[..]|null,
//                          "series":[{"name":..,"data":[number|null],"labels":[text]}],"mark":100|null}
//                         null = suppressed cell: drawn as an empty bar labelled "n.d."; names: longer
//                         category names for the tooltip when the axis shows short ones
//   [data-dashboard-map]  {"mode":"comune|network","areas":{"015146":{"n":name,"v":number|null,"t":text}},
//                          "only":[codes]|absent,"unit":..,"suppressed":label,"zero":label}
//                         with data-features (comuni GeoJSON) and data-provinces (province GeoJSON)
// Every chart has a table beside it with the same numbers; charts use patterns (decals), symbols and value
// labels, so colour is never the only carrier of meaning. ECharts' own generated aria-label (English, and
// describing raw series data) is turned off: each chart keeps the localised name the page gave it.
(function () {
  'use strict';
  if (typeof echarts === 'undefined') { return; }
  var symbols = ['circle', 'rect', 'triangle', 'diamond', 'pin', 'arrow'];
  var dashes = ['solid', 'dashed', 'dotted', [8, 3, 2, 3]];
  var charts = [];

  function narrow() { return window.innerWidth < 576; }

  function barChart(el, c) {
    var horizontal = c.kind === 'hbar';
    var rows = c.categories.length;
    if (horizontal) { el.style.height = Math.max(160, rows * 34 + 60) + 'px'; }
    var category = {
      type: 'category', data: c.categories, inverse: horizontal,
      axisLabel: { width: narrow() ? 96 : 180, overflow: 'truncate', interval: 0 }
    };
    var value = { type: 'value', name: c.axis || '', nameLocation: 'middle', nameGap: 28, minInterval: 1,
      splitNumber: narrow() ? 3 : 5 };
    var series = c.series.map(function (s) {
      return {
        type: 'bar', name: s.name, barMaxWidth: 28,
        data: s.data.map(function (v) { return v === null ? 0 : v; }),
        label: {
          show: true, position: horizontal ? 'right' : 'top', color: '#1a1a1a',
          formatter: function (p) { return s.labels[p.dataIndex]; }
        },
        markLine: c.mark ? {
          symbol: 'none', silent: true, lineStyle: { type: 'dashed', color: '#1a1a1a' },
          label: { formatter: c.mark + '%', position: 'start' }, data: [{ xAxis: c.mark }]
        } : undefined
      };
    });
    return {
      aria: { enabled: true, label: { enabled: false }, decal: { show: true } },
      grid: { left: 8, right: horizontal ? 96 : 16, top: 32, bottom: c.axis ? 36 : 8, containLabel: true },
      tooltip: {
        trigger: 'item',
        formatter: function (p) {
          return (c.names || c.categories)[p.dataIndex] + ': ' + c.series[p.seriesIndex].labels[p.dataIndex];
        }
      },
      xAxis: horizontal ? value : category,
      yAxis: horizontal ? category : value,
      series: series
    };
  }

  function lineChart(el, c) {
    return {
      aria: { enabled: true, label: { enabled: false } },
      legend: { type: 'scroll', top: 0 },
      grid: { left: 8, right: 24, top: 48, bottom: 8, containLabel: true },
      tooltip: {
        trigger: 'axis',
        formatter: function (ps) {
          return (c.names || c.categories)[ps[0].dataIndex] + '<br>' + ps.map(function (p) {
            return p.marker + p.seriesName + ': ' + c.series[p.seriesIndex].labels[p.dataIndex];
          }).join('<br>');
        }
      },
      xAxis: { type: 'category', data: c.categories, axisLabel: { rotate: narrow() ? 45 : 0 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: c.series.map(function (s, i) {
        return {
          type: 'line', name: s.name, data: s.data, connectNulls: false, symbolSize: 8,
          symbol: symbols[i % symbols.length], lineStyle: { type: dashes[i % dashes.length], width: 2 }
        };
      })
    };
  }

  function drawChart(el) {
    var c = JSON.parse(el.dataset.chart);
    var option = c.kind === 'line' ? lineChart(el, c) : barChart(el, c);
    var chart = echarts.init(el);
    chart.setOption(option);
    charts.push(chart);
  }

  function getJson(url) {
    return fetch(url, { credentials: 'same-origin' }).then(function (r) { return r.json(); });
  }

  // Class limits on the values (1 and up) so the legend shows readable ranges: at most five classes.
  function classes(values) {
    var max = Math.max.apply(null, values.concat([1]));
    var steps = Math.min(5, max);
    var pieces = [];
    var from = 1;
    for (var i = 1; i <= steps; i++) {
      var to = i === steps ? max : Math.max(from, Math.round(max * i / steps));
      if (to >= from) { pieces.push({ min: from, max: to }); }
      from = to + 1;
    }
    return pieces;
  }

  var ramp = ['#c6dbef', '#9ecae1', '#5b9bd5', '#2b6cb0', '#0b3d75'];

  function drawMap(el) {
    var data = JSON.parse(el.dataset.dashboardMap);
    Promise.all([getJson(el.dataset.provinces), getJson(el.dataset.features)]).then(function (geo) {
      var only = data.only ? new Set(data.only) : null;
      var comuni = geo[1].features.filter(function (f) { return !only || only.has(f.properties.istat_code); });
      var features = geo[0].features.map(function (f) {
        return { type: 'Feature', geometry: f.geometry, properties: { key: 'P' + f.properties.code } };
      }).concat(comuni.map(function (f) {
        return { type: 'Feature', geometry: f.geometry, properties: { key: f.properties.istat_code } };
      }));
      echarts.registerMap(el.id, { type: 'FeatureCollection', features: features });
      var names = {};
      geo[0].features.forEach(function (f) { names['P' + f.properties.code] = f.properties.name; });
      var values = [];
      var items = comuni.map(function (f) {
        var code = f.properties.istat_code;
        var a = data.areas[code];
        var item = { name: code, label: f.properties.name, text: data.zero, value: 0 };
        if (a) {
          item.label = a.n;
          item.text = a.v === null ? data.suppressed : a.t;
          item.value = a.v === null ? -1 : a.v;
          if (a.v === null) {
            item.itemStyle = { decal: { symbol: 'rect', dashArrayX: [1, 0], dashArrayY: [2, 4], rotation: Math.PI / 4,
              color: 'rgba(0, 0, 0, 0.45)' } };
          }
          if (a.v !== null && a.v > 0) { values.push(a.v); }
        }
        return item;
      });
      var pieces = [{ value: -1, label: data.suppressed, color: '#b8bec4' }, { value: 0, label: data.zero, color: '#f5f6f7' }]
        .concat(classes(values).map(function (p, i, all) {
          var color = ramp[Math.round(i * (ramp.length - 1) / Math.max(1, all.length - 1))];
          return { min: p.min, max: p.max, color: color, label: p.min === p.max ? String(p.min) : p.min + ' – ' + p.max };
        }));
      var chart = echarts.init(el);
      chart.setOption({
        aria: { enabled: true, label: { enabled: false } },
        tooltip: {
          formatter: function (p) {
            if (p.data) { return p.data.label + ': ' + p.data.text + ' ' + data.unit; }
            return names[p.name] || '';
          }
        },
        visualMap: {
          type: 'piecewise', pieces: pieces, orient: 'vertical', left: 8, bottom: 8, itemSymbol: 'rect',
          textStyle: { color: '#1a1a1a' }, seriesIndex: 0
        },
        series: [{
          type: 'map', map: el.id, nameProperty: 'key', roam: true, selectedMode: false,
          itemStyle: { areaColor: '#eef0f2', borderColor: '#8a9299', borderWidth: 0.4 },
          emphasis: { label: { show: false }, itemStyle: { areaColor: '#ffd166' } },
          data: items
        }]
      });
      charts.push(chart);
    });
  }

  document.querySelectorAll('[data-chart]').forEach(drawChart);
  document.querySelectorAll('[data-dashboard-map]').forEach(drawMap);
  window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
})();
