// Cooperation graph (ECharts force layout). The page carries the data; this script only draws it.
//   [data-graph]  {"categories":[{"name":kind label,"symbol":shape}],
//                  "nodes":[{"id":..,"name":..,"category":index,"symbol":shape,"ties":n,"bridge":bool}],
//                  "links":[{"source":id,"target":id,"weight":n,"label":text}],"bridge":label,"ties":label}
// Kinds differ by colour, by shape and by the legend's text; the tables beside the graph hold the same data.
(function () {
  'use strict';
  if (typeof echarts === 'undefined') { return; }
  var charts = [];

  function draw(el) {
    var g = JSON.parse(el.dataset.graph);
    var many = g.nodes.length > 40;
    var maxWeight = g.links.reduce(function (m, l) { return Math.max(m, l.weight); }, 1);
    var chart = echarts.init(el);
    chart.setOption({
      aria: { enabled: true, label: { enabled: false }, decal: { show: true } },
      legend: {
        type: 'scroll', bottom: 0,
        data: g.categories.map(function (c) { return { name: c.name, icon: c.symbol }; })
      },
      tooltip: {
        formatter: function (p) {
          var esc = echarts.format.encodeHTML;
          if (p.dataType === 'edge') { return esc(p.data.label); }
          var d = p.data;
          return esc(d.name) + '<br>' + esc(g.categories[d.category].name) + '<br>' + esc(g.ties) + ': ' + d.ties
            + (d.bridge ? '<br>' + esc(g.bridge) : '');
        }
      },
      series: [{
        type: 'graph', layout: 'force', roam: true, draggable: true,
        categories: g.categories.map(function (c) { return { name: c.name, symbol: c.symbol }; }),
        data: g.nodes.map(function (n) {
          return {
            id: n.id, name: n.name, category: n.category, symbol: n.symbol, ties: n.ties, bridge: n.bridge,
            symbolSize: 10 + Math.min(n.ties, 10) * 2,
            itemStyle: n.bridge ? { borderColor: '#1a1a1a', borderWidth: 2 } : undefined
          };
        }),
        links: g.links.map(function (l) {
          return { source: l.source, target: l.target, label: l.label,
            lineStyle: { width: 1 + 5 * l.weight / maxWeight } };
        }),
        label: { show: !many, position: 'right', color: '#1a1a1a', width: 140, overflow: 'truncate' },
        lineStyle: { color: '#5c6f82', opacity: 0.8 },
        force: { repulsion: many ? 60 : 180, edgeLength: [40, 120] },
        emphasis: { focus: 'adjacency' }
      }]
    });
    charts.push(chart);
  }

  document.querySelectorAll('[data-graph]').forEach(draw);
  window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
}());
