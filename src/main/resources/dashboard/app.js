/*
 * The denial control room dashboard: plain JavaScript over the gateway's REST API (/api/v1, see
 * /openapi.yaml) and Apache ECharts. No build step. The page's address carries only the period
 * (from, to, asOf); the worklist links carry record ids, never patient data.
 */
(function () {
  'use strict';

  const API = '/api/v1';
  const PAGE = 50;

  /* The KPI tiles, in reading order; any other metric the API returns follows. Aging buckets are
     the aging chart's. */
  const TILE_ORDER = [
    'initial-denial-rate', 'initial-denial-rate-dollars', 'clean-claim-rate', 'line-denial-rate',
    'final-denial-rate', 'write-off-share', 'overturn-rate', 'denials',
    'recovered', 'recovery-yield', 'days-to-resolution-median', 'days-to-resolution-p90',
    'underpayment-variance', 'recouped', 'preventable-share', 'deadline-within-14-days'
  ];
  const AGING = [
    ['open-0-30', '0–30 days'], ['open-31-60', '31–60 days'],
    ['open-61-90', '61–90 days'], ['open-over-90', '90+ days']
  ];
  const TITLES = {
    'initial-denial-rate': 'Initial denial rate',
    'initial-denial-rate-dollars': 'Initial denial rate ($)',
    'line-denial-rate': 'Line denial rate',
    'clean-claim-rate': 'Clean claim rate',
    'denials': 'Denials',
    'final-denial-rate': 'Final denial rate',
    'write-off-share': 'Write-off share',
    'overturn-rate': 'Overturn rate',
    'recovered': 'Recovered',
    'recovery-yield': 'Recovery yield',
    'days-to-resolution-median': 'Days to resolution (median)',
    'days-to-resolution-p90': 'Days to resolution (p90)',
    'deadline-within-14-days': 'Deadlines within 14 days',
    'underpayment-variance': 'Underpayment variance',
    'recouped': 'Recouped',
    'preventable-share': 'Preventable share'
  };
  const PATHWAYS = {
    CORRECT_AND_RESUBMIT: 'Correct and resubmit',
    APPEAL: 'Appeal',
    ESCALATE_DISPUTE: 'Escalate dispute',
    CLOSE_OUT: 'Close out'
  };
  const COLORS = ['#1f5fa8', '#d9822b', '#2e8b57', '#8e44ad', '#c0392b', '#16a085'];

  const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });
  const usdShort = new Intl.NumberFormat('en-US', {
    style: 'currency', currency: 'USD', notation: 'compact', maximumFractionDigits: 1
  });
  const count = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

  const $ = (id) => document.getElementById(id);
  const charts = {};
  const state = { loads: 0, loadSeq: 0, worklistLoads: 0, offset: 0, worklistSeq: 0, payerNames: {} };

  /* ---------- formatting ---------- */

  function num(v) {
    return v === null || v === undefined || v === '' ? null : Number(v);
  }

  function money(v) {
    const n = num(v);
    return n === null || Number.isNaN(n) ? '–' : usd.format(n);
  }

  function percent(v) {
    const n = num(v);
    return n === null || Number.isNaN(n) ? '–' : (Math.round(n * 1000) / 10).toFixed(1) + '%';
  }

  function days(v) {
    const n = num(v);
    return n === null || Number.isNaN(n) ? '–' : count.format(n) + (n === 1 ? ' day' : ' days');
  }

  function formatValue(unit, v) {
    switch (unit) {
      case 'RATE': return percent(v);
      case 'DOLLARS': return money(v);
      case 'DAYS': return days(v);
      default: return num(v) === null ? '–' : count.format(num(v));
    }
  }

  function label(code) {
    if (!code) return '';
    return String(code).toLowerCase().split('_')
      .map((w, i) => (i === 0 ? w.charAt(0).toUpperCase() + w.slice(1) : w)).join(' ');
  }

  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    if (attrs) {
      for (const [k, v] of Object.entries(attrs)) {
        if (v === null || v === undefined || v === false) continue;
        if (k === 'class') e.className = v;
        else if (k === 'text') e.textContent = v;
        else e.setAttribute(k, v === true ? '' : String(v));
      }
    }
    for (const c of children) {
      if (c === null || c === undefined) continue;
      e.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return e;
  }

  /* ---------- errors ---------- */

  const errorList = [];

  function showError(message) {
    if (errorList.includes(message)) return;
    errorList.push(message);
    const box = $('errors');
    box.replaceChildren(
      el('strong', null, 'Some figures could not be loaded:'),
      el('ul', null, ...errorList.map((m) => el('li', { 'data-test': 'error' }, m))));
    box.hidden = false;
  }

  function clearErrors() {
    errorList.length = 0;
    $('errors').hidden = true;
    $('errors').replaceChildren();
  }

  /* ---------- API ---------- */

  async function api(path, params) {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(params || {})) {
      if (v !== null && v !== undefined && v !== '') q.set(k, v);
    }
    const url = API + path + (q.toString() ? '?' + q : '');
    let response;
    try {
      response = await fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
    } catch (e) {
      throw new Error(path + ': the gateway did not answer (' + e.message + ')');
    }
    const text = await response.text();
    let body = null;
    try {
      body = text ? JSON.parse(text) : null;
    } catch (e) {
      body = null;
    }
    if (!response.ok) {
      const why = body && body.error ? body.error : response.statusText || 'request failed';
      throw new Error(path + ': ' + response.status + ' ' + why);
    }
    if (body === null) throw new Error(path + ': the answer is not JSON');
    return body;
  }

  /* ---------- period ---------- */

  function iso(d) {
    const p = (n) => String(n).padStart(2, '0');
    return d.getFullYear() + '-' + p(d.getMonth() + 1) + '-' + p(d.getDate());
  }

  function readPeriod() {
    const q = new URLSearchParams(location.search);
    const today = new Date();
    const yearAgo = new Date(today.getFullYear() - 1, today.getMonth() + 1, 1);
    $('from').value = q.get('from') || iso(yearAgo);
    $('to').value = q.get('to') || iso(today);
    $('asOf').value = q.get('asOf') || '';
  }

  function period() {
    return { from: $('from').value, to: $('to').value, asOf: $('asOf').value };
  }

  function writePeriod() {
    const p = period();
    const q = new URLSearchParams();
    for (const k of ['from', 'to', 'asOf']) if (p[k]) q.set(k, p[k]);
    history.replaceState(null, '', location.pathname + (q.toString() ? '?' + q : ''));
  }

  /* The month whose payer patterns are shown: the last complete month by the end of the period
     (To, or As of when earlier; both default to today). */
  function patternMonth(p) {
    const today = iso(new Date());
    const asOf = p.asOf || today;
    const end = p.to && p.to < asOf ? p.to : asOf;
    const d = new Date(end + 'T00:00:00');
    const next = new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1);
    if (next.getMonth() !== d.getMonth()) return end.slice(0, 7);
    return iso(new Date(d.getFullYear(), d.getMonth() - 1, 1)).slice(0, 7);
  }

  /* ---------- KPI tiles ---------- */

  const NOUNS = {
    'initial-denial-rate': ['claim', 'claims'],
    'clean-claim-rate': ['claim', 'claims'],
    'line-denial-rate': ['line', 'lines'],
    'write-off-share': ['denial', 'denials'],
    'overturn-rate': ['worked denial', 'worked denials'],
    'preventable-share': ['denial', 'denials'],
    'underpayment-variance': ['underpayment', 'underpayments'],
    'recouped': ['recoupment', 'recoupments'],
    'days-to-resolution-median': ['resolved denial', 'resolved denials'],
    'days-to-resolution-p90': ['resolved denial', 'resolved denials']
  };

  function counted(key, n) {
    const noun = NOUNS[key] || ['finding', 'findings'];
    return count.format(n) + ' ' + (n === 1 ? noun[0] : noun[1]);
  }

  /* The line under a tile's value: what the figure is made of. */
  function tileSub(key, unit, v, all) {
    const n = num(v.numerator);
    const d = num(v.denominator);
    const a = num(v.amount);
    if (unit === 'RATE' && n !== null && d !== null) {
      if (key === 'initial-denial-rate-dollars' || key === 'final-denial-rate') {
        return money(n) + ' of ' + money(d) + ' billed';
      }
      return count.format(n) + ' of ' + counted(key, d) + (a ? ' · ' + money(a) : '');
    }
    if (key === 'recovered') {
      const o = all['overturn-rate'];
      return o && num(o.numerator) !== null ? 'from ' + counted('overturn-rate', num(o.numerator)).replace('worked denial', 'overturned denial') : '';
    }
    if (key === 'recovery-yield' && n !== null && num(v.value) !== null) {
      return money(n) + ' recovered − ' + money(n - num(v.value)) + ' labor';
    }
    if (unit === 'DAYS') return d !== null ? 'over ' + counted(key, d) : '';
    if (unit === 'COUNT' && a !== null) return money(a) + ' at stake';
    if (unit === 'DOLLARS' && a !== null && n !== null) return n === 0 ? 'none in the period' : counted(key, n);
    return '';
  }

  function renderKpis(report) {
    const box = $('kpis');
    const metrics = report.metrics || {};
    const values = (report.total && report.total.kpis) || {};
    const keys = TILE_ORDER.filter((k) => k in values)
      .concat(Object.keys(values).filter((k) => !TILE_ORDER.includes(k) && !k.startsWith('open-')));
    const tiles = keys.map((key) => {
      const v = values[key] || {};
      const m = metrics[key] || {};
      const formula = m.formula || '';
      const sub = tileSub(key, m.unit, v, values);
      return el('div', {
        class: 'tile', id: 'kpi-' + key, 'data-test': 'kpi-' + key, 'data-metric': key,
        tabindex: 0, title: formula
      },
      el('div', { class: 'tile-label' }, TITLES[key] || label(key.replace(/-/g, '_')),
        formula ? el('span', { class: 'info', 'aria-hidden': 'true' }, 'i') : null),
      el('div', {
        class: 'tile-value', 'data-test': 'kpi-value',
        'data-value': v.value === null || v.value === undefined ? '' : v.value
      }, formatValue(m.unit, v.value)),
      el('div', { class: 'tile-sub', 'data-test': 'kpi-sub' }, sub || '\u00a0'),
      formula ? el('div', { class: 'formula', role: 'tooltip', 'data-test': 'kpi-formula' }, formula) : null);
    });
    box.replaceChildren(...tiles);
    const adjudicated = num(values['initial-denial-rate'] && values['initial-denial-rate'].denominator);
    const denials = num(values.denials && values.denials.numerator);
    $('kpis-empty').hidden = !((adjudicated || 0) === 0 && (denials || 0) === 0);
    return (adjudicated || 0) > 0 || (denials || 0) > 0;
  }

  /* ---------- charts ---------- */

  function chart(id, option, hasData) {
    const box = $(id);
    const empty = document.querySelector('[data-test="' + id + '-empty"]');
    if (!hasData) {
      if (charts[id]) {
        charts[id].dispose();
        delete charts[id];
      }
      box.hidden = true;
      empty.hidden = false;
      return;
    }
    box.hidden = false;
    empty.hidden = true;
    if (typeof echarts === 'undefined') {
      throw new Error('the chart library did not load (/webjars/echarts/5.3.1/dist/echarts.min.js)');
    }
    if (!charts[id]) charts[id] = echarts.init(box, null, { renderer: 'canvas' });
    charts[id].setOption(Object.assign({ color: COLORS, animation: false }, option), true);
    charts[id].resize();
  }

  function chartError(id, e) {
    const box = $(id);
    if (charts[id]) {
      charts[id].dispose();
      delete charts[id];
    }
    box.hidden = true;
    const empty = document.querySelector('[data-test="' + id + '-empty"]');
    empty.hidden = false;
    empty.textContent = 'Not available: ' + e.message;
  }

  function resetEmpty(id, text) {
    document.querySelector('[data-test="' + id + '-empty"]').textContent = text;
  }

  function renderTrend(report) {
    const rows = (report.segments || []).slice().sort((a, b) => a.segment.localeCompare(b.segment));
    const months = rows.map((r) => r.segment);
    const series = [
      ['initial-denial-rate', 'Initial denial rate'],
      ['initial-denial-rate-dollars', 'Initial denial rate ($)'],
      ['clean-claim-rate', 'Clean claim rate'],
      ['final-denial-rate', 'Final denial rate']
    ].map(([key, name]) => ({
      name, type: 'line', symbolSize: 7, connectNulls: true,
      data: rows.map((r) => {
        const v = r.kpis[key] && num(r.kpis[key].value);
        return v === null || v === undefined ? null : Math.round(v * 1000) / 10;
      })
    }));
    const denials = {
      name: 'Denials', type: 'bar', yAxisIndex: 1, barMaxWidth: 28, itemStyle: { opacity: 0.35 },
      data: rows.map((r) => num(r.kpis.denials && r.kpis.denials.numerator) || 0)
    };
    chart('chart-trend', {
      tooltip: {
        trigger: 'axis',
        valueFormatter: (v) => (v === null || v === undefined ? '–' : String(v))
      },
      legend: { bottom: 0, type: 'scroll' },
      grid: { left: 48, right: 44, top: 24, bottom: 52 },
      xAxis: { type: 'category', data: months },
      yAxis: [
        { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
        { type: 'value', minInterval: 1, name: 'denials', nameTextStyle: { align: 'right' }, splitLine: { show: false } }
      ],
      series: series.concat([denials])
    }, months.length > 0);
  }

  function renderHeatMap(map, names) {
    const payers = map.payers || [];
    const families = map.families || [];
    const cells = map.cells || [];
    const max = cells.reduce((m, c) => Math.max(m, num(c.denials) || 0), 1);
    const byKey = {};
    cells.forEach((c) => { byKey[c.payerId + '|' + c.family] = c; });
    const payerLabel = (p) => (names[p] ? names[p] + ' (' + p + ')' : p);
    chart('chart-heatmap', {
      tooltip: {
        formatter: (p) => {
          const c = byKey[payers[p.value[1]] + '|' + families[p.value[0]]];
          if (!c) return '';
          return '<b>' + escapeHtml(payerLabel(c.payerId)) + '</b><br>' + escapeHtml(label(c.family)) +
            '<br>' + count.format(c.denials) + ' denials, ' + money(c.amount) +
            '<br>denial rate ' + percent(c.rate) + ' of ' + count.format(c.adjudicated) + ' claims adjudicated';
        }
      },
      grid: { left: 8, right: 16, top: 16, bottom: 70, containLabel: true },
      xAxis: {
        type: 'category', data: families.map(label), splitArea: { show: true },
        axisLabel: { interval: 0, width: 84, overflow: 'break', lineHeight: 14 }
      },
      yAxis: { type: 'category', data: payers.map(payerLabel), splitArea: { show: true } },
      visualMap: {
        min: 0, max, calculable: false, orient: 'horizontal', left: 'center', bottom: 0,
        itemHeight: 120, text: ['more denials', 'fewer'], inRange: { color: ['#eef4fb', '#f5b041', '#c0392b'] }
      },
      series: [{
        name: 'Denials', type: 'heatmap', label: { show: true },
        data: cells.map((c) => [families.indexOf(c.family), payers.indexOf(c.payerId), num(c.denials)]),
        emphasis: { itemStyle: { shadowBlur: 6, shadowColor: 'rgba(0,0,0,0.3)' } }
      }]
    }, cells.length > 0);
  }

  function renderRecovery(report) {
    const rows = (report.segments || []).filter((r) => r.segment !== 'all');
    rows.sort((a, b) => (num(b.kpis['recovery-yield'].value) || 0) - (num(a.kpis['recovery-yield'].value) || 0));
    const families = rows.map((r) => label(r.segment));
    const val = (r, k) => (r.kpis[k] ? num(r.kpis[k].value) : null);
    chart('chart-recovery', {
      tooltip: { trigger: 'axis', valueFormatter: money },
      legend: { bottom: 0 },
      grid: { left: 8, right: 24, top: 16, bottom: 40, containLabel: true },
      xAxis: { type: 'value', axisLabel: { formatter: (v) => usdShort.format(v) } },
      yAxis: { type: 'category', data: families, inverse: true },
      series: [
        { name: 'Recovery yield', type: 'bar', data: rows.map((r) => val(r, 'recovery-yield')), barMaxWidth: 18 },
        { name: 'Recovered', type: 'bar', data: rows.map((r) => val(r, 'recovered')), barMaxWidth: 18 }
      ]
    }, rows.length > 0);
  }

  function renderAging(report) {
    const k = (report.total && report.total.kpis) || {};
    const data = AGING.map(([key]) => (k[key] ? num(k[key].value) || 0 : 0));
    const amounts = AGING.map(([key]) => (k[key] ? num(k[key].amount) : null));
    const any = data.some((v) => v > 0);
    chart('chart-aging', {
      tooltip: {
        trigger: 'axis',
        formatter: (ps) => ps.map((p) => escapeHtml(p.name) + ': ' + count.format(p.value) +
          ' open, ' + money(amounts[p.dataIndex])).join('<br>')
      },
      grid: { left: 8, right: 16, top: 24, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: AGING.map(([, name]) => name) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{
        name: 'Open denials', type: 'bar', barMaxWidth: 56,
        data: data.map((v, i) => ({ value: v, itemStyle: { color: ['#2e8b57', '#d4ac0d', '#d9822b', '#c0392b'][i] } })),
        label: {
          show: true, position: 'top',
          formatter: (p) => (p.value ? count.format(p.value) + ' · ' + usdShort.format(amounts[p.dataIndex] || 0) : '')
        }
      }]
    }, any);
  }

  function escapeHtml(s) {
    return String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
  }

  /* ---------- payer patterns ---------- */

  function renderPatterns(answer, names) {
    $('patterns-period').textContent = answer.period ? '— ' + answer.period : '';
    const list = (answer.patterns || []).slice().sort((a, b) => (num(b.lift) || 0) - (num(a.lift) || 0));
    $('patterns').replaceChildren(...list.map((p) => {
      const payer = names[p.payerId] ? names[p.payerId] + ' (' + p.payerId + ')' : p.payerId;
      const against = p.comparison === 'OWN_BASELINE'
        ? 'its own ' + (p.referenceFrom === p.referenceTo ? p.referenceFrom : p.referenceFrom + ' to ' + p.referenceTo) + ' baseline of'
        : "the other payers'";
      const lift = num(p.lift);
      return el('li', { class: 'pattern', 'data-test': 'pattern', 'data-record-id': p.recordId },
        el('div', { class: 'pattern-head' },
          el('strong', null, payer), ' · ', label(p.denialFamily), ' · ', label(p.serviceLine),
          el('span', { class: 'badge' }, label(p.category))),
        el('div', null,
          percent(p.rate) + ' (' + count.format(p.findings) + ' of ' + count.format(p.volume) + ' claims) against ' +
          against + ' ' + percent(p.referenceRate) + ' (' + count.format(p.referenceFindings) + ' of ' +
          count.format(p.referenceVolume) + ') — ' + (lift >= 0 ? '+' : '') + (Math.round(lift * 1000) / 10).toFixed(1) +
          ' points, ' + money(p.findingDollars) + ' at stake, p = ' + Number(p.pValue).toPrecision(2)),
        p.explanation ? el('div', { class: 'muted' }, p.explanation) : null);
    }));
    $('patterns-empty').hidden = list.length > 0;
    $('patterns-empty').textContent = 'No payer patterns in ' + (answer.period || 'this month') + '.';
  }

  /* ---------- prevention (scrubber backtest and learning) ---------- */

  function tile(test, labelText, value, sub, title) {
    return el('div', { class: 'tile', 'data-test': test, tabindex: 0, title: title || null },
      el('div', { class: 'tile-label' }, labelText),
      el('div', { class: 'tile-value', 'data-test': 'prevention-value' }, value),
      el('div', { class: 'tile-sub' }, sub || '\u00a0'));
  }

  function renderPrevention(answer) {
    const b = answer.backtest;
    const tiles = [];
    if (b && b.total) {
      const t = b.total;
      const denials = num(t.deniedLater) + num((b.missed || {}).deniedLater || 0);
      tiles.push(tile('prevention-held', 'Denials it would have held',
        count.format(num(t.deniedLater)) + ' of ' + count.format(denials),
        denials ? percent(num(t.deniedLater) / denials) + ' of later denials' : '',
        'Claims a hard stop would have held that the payer later denied, of all later denials in the backtest'));
      tiles.push(tile('prevention-dollars', 'Denied dollars prevented', money(t.deniedDollars),
        count.format(num(t.sameCarc)) + ' with the rule\'s own CARC',
        'Denied dollars of the held claims that were denied later'));
      tiles.push(tile('prevention-false-holds', 'False holds', count.format(num(t.falseHolds)),
        num(t.held) ? percent(num(t.falseHolds) / num(t.held)) + ' of ' + count.format(num(t.held)) + ' held' : '',
        'Held claims the payer adjudicated without a denial'));
      tiles.push(tile('prevention-missed', 'Denials no rule held', count.format(num((b.missed || {}).deniedLater || 0)),
        money((b.missed || {}).deniedDollars || 0),
        'Later denials of claims no hard stop would have held'));
      $('prevention-source').textContent = '— backtest of ' + count.format(num(b.claims)) + ' claims (' +
        (b.files || []).length + ' files), ' + String(b.generatedAt || '').slice(0, 10);
    } else {
      $('prevention-source').textContent = '';
    }
    const suggestions = answer.suggestions || [];
    const misses = answer.misses || [];
    tiles.push(tile('prevention-suggested', 'Rules suggested from denials', count.format(suggestions.length),
      'learned ' + String(answer.learnedAt || '').slice(0, 16).replace('T', ' ') + ' UTC',
      'Payer × CARC × procedure clusters of denials no active rule covers (SCRUB_RULE_SUGGESTED)'));
    tiles.push(tile('prevention-rule-misses', 'Active rules that missed', count.format(misses.length),
      misses.length ? count.format(misses.reduce((n, m) => n + num(m.denials), 0)) + ' denials they cover' : '',
      'Denials with the CARC an active rule prevents, for a payer and procedure it covers'));
    $('prevention').replaceChildren(...tiles);
    $('prevention-empty').hidden = !!(b && b.total);
    const items = suggestions.slice(0, 10).map((r) => el('li', { 'data-test': 'suggestion' },
      el('strong', null, r.ruleId), ' — ', r.rationale));
    for (const m of misses.slice(0, 10)) {
      items.push(el('li', { 'data-test': 'rule-miss' }, el('strong', null, m.ruleId),
        ' missed ' + count.format(num(m.denials)) + ' denial' + (num(m.denials) === 1 ? '' : 's') +
        ' with CARC ' + m.carc + ' (' + money(m.deniedDollars) + ')'));
    }
    $('suggestions').replaceChildren(...items);
  }

  /* ---------- held before submission ---------- */

  function renderHeld(answer) {
    const items = answer.items || [];
    const byCarc = {};
    for (const h of items) {
      for (const f of h.findings || []) {
        if (f.severity === 'HARD_STOP') byCarc[f.carc] = (byCarc[f.carc] || 0) + 1;
      }
    }
    const carcs = Object.entries(byCarc).sort((a, b) => b[1] - a[1])
      .map(([c, n]) => 'CARC ' + c + ' ×' + count.format(n));
    $('held-summary').textContent = items.length
      ? '— ' + count.format(items.length) + ' claim' + (items.length === 1 ? '' : 's') + '; prevents ' + carcs.join(', ')
      : '';
    $('held-rows').replaceChildren(...items.slice(0, 50).map((h) => {
      const f = (h.findings || []).find((x) => x.severity === 'HARD_STOP') || (h.findings || [])[0] || {};
      return el('tr', { 'data-test': 'held-claim', 'data-held-id': h.id },
        el('td', { class: 'nowrap' }, h.claimRef),
        el('td', null, h.payerId),
        el('td', { class: 'nowrap' }, (h.heldAt || '').slice(0, 10)),
        el('td', null, f.ruleId || ''),
        el('td', { class: 'nowrap' }, f.carc ? 'CARC ' + f.carc + (f.rarc ? ' / ' + f.rarc : '') : ''),
        el('td', null, f.message || ''));
    }));
    $('held-empty').hidden = items.length > 0;
  }

  /* ---------- worklist ---------- */

  function clock(daysLeft, date) {
    const n = num(daysLeft);
    if (n === null) return el('td', { class: 'num muted', 'data-days-left': '' }, '–');
    const cls = n < 0 ? 'num clock overdue' : n <= 14 ? 'num clock urgent' : n <= 30 ? 'num clock soon' : 'num clock';
    const text = n < 0 ? 'overdue ' + count.format(-n) + ' d' : count.format(n) + ' d';
    return el('td', { class: cls, title: date ? 'deadline ' + date : null, 'data-days-left': n }, text);
  }

  function fillSelect(id, options) {
    const select = $(id);
    const current = select.value;
    const keep = select.options[0];
    select.replaceChildren(keep, ...options.map(([v, t]) => el('option', { value: v }, t)));
    select.value = options.some(([v]) => v === current) ? current : '';
  }

  function filterOptions(items) {
    const payers = {};
    const providers = {};
    const families = new Set();
    for (const i of items) {
      if (i.payerId) payers[i.payerId] = i.payerName || '';
      if (i.providerNpi) providers[i.providerNpi] = i.providerName || '';
      if (i.family) families.add(i.family);
    }
    Object.assign(state.payerNames, Object.fromEntries(Object.entries(payers).filter(([, n]) => n)));
    const named = (o) => Object.entries(o).map(([id, n]) => [id, n ? n + ' (' + id + ')' : id])
      .sort((a, b) => a[1].localeCompare(b[1]));
    fillSelect('filter-payer', named(payers));
    fillSelect('filter-provider', named(providers));
    fillSelect('filter-family', [...families].sort().map((f) => [f, label(f)]));
  }

  function worklistFilters() {
    return {
      pathway: $('filter-pathway').value,
      payer: $('filter-payer').value,
      provider: $('filter-provider').value,
      family: $('filter-family').value,
      deadlineWithinDays: $('filter-deadline').value
    };
  }

  function packetLink(recordId, kind) {
    return el('a', {
      // the packet counts days left from the page's as-of day, as the worklist does
      href: API + '/findings/' + encodeURIComponent(recordId) + '/packet.' + kind +
        (period().asOf ? '?asOf=' + encodeURIComponent(period().asOf) : ''),
      'data-test': 'packet-' + kind, class: 'packet', download: '',
      title: kind === 'pdf' ? 'Evidence packet (PDF)' : 'Evidence packet with the X12 source (ZIP)'
    }, kind.toUpperCase());
  }

  function renderWorklist(page) {
    const rows = (page.items || []).map((i, n) => el('tr', {
      'data-test': 'worklist-row', 'data-record-id': i.recordId, 'data-payer': i.payerId,
      'data-pathway': i.pathway, 'data-family': i.family
    },
    el('td', { class: 'num' }, String(page.offset + n + 1)),
    el('td', { 'data-test': 'claim', class: 'nowrap' },
      el('div', null, i.claimRef + (i.lineNumber ? ' · line ' + i.lineNumber : '')),
      el('div', { class: 'muted small' }, label(i.recordType) + (i.procedureCode ? ' · ' + i.procedureCode : ''))),
    el('td', null, el('div', null, i.payerName || i.payerId), el('div', { class: 'muted small' }, i.payerId)),
    el('td', null, el('div', null, i.providerName || i.providerNpi), el('div', { class: 'muted small' }, i.providerNpi)),
    el('td', null, el('div', null, label(i.family)), el('div', { class: 'muted small' }, label(i.rootCause))),
    el('td', { class: 'nowrap' }, i.drivingCode || ''),
    el('td', { 'data-test': 'pathway' }, el('span', { class: 'pill pill-' + String(i.pathway).toLowerCase() }, PATHWAYS[i.pathway] || label(i.pathway))),
    el('td', { class: 'num' }, money(i.amountAtStake)),
    el('td', { class: 'num' }, money(i.expectedRecovery)),
    el('td', { class: 'num', title: 'expected recovery ' + money(i.expectedRecovery) + ' − labor ' + money(i.laborCost) }, money(i.priority)),
    clock(i.appealDeadlineDaysLeft, i.appealDeadline),
    clock(i.negotiationDeadlineDaysLeft, i.negotiationDeadline),
    clock(i.idrDeadlineDaysLeft, i.idrDeadline),
    el('td', { class: 'packets' }, packetLink(i.recordId, 'pdf'), ' ', packetLink(i.recordId, 'zip'))));
    $('worklist-rows').replaceChildren(...rows);
    const total = num(page.total) || 0;
    $('worklist-empty').hidden = rows.length > 0;
    $('worklist-count').textContent = total === 0 ? '' :
      'Showing ' + (page.offset + 1) + '–' + (page.offset + rows.length) + ' of ' + count.format(total) +
      ' open findings (as of ' + page.asOf + ')';
    $('worklist-prev').disabled = page.offset <= 0;
    $('worklist-next').disabled = page.offset + rows.length >= total;
  }

  async function loadWorklist() {
    const seq = ++state.worklistSeq;
    const box = $('worklist');
    box.dataset.state = 'loading';
    try {
      const page = await api('/worklist', Object.assign(
        { asOf: period().asOf, limit: PAGE, offset: state.offset }, worklistFilters()));
      if (seq !== state.worklistSeq) return;
      renderWorklist(page);
      box.dataset.state = 'ready';
    } catch (e) {
      if (seq !== state.worklistSeq) return;
      $('worklist-rows').replaceChildren();
      $('worklist-empty').hidden = false;
      $('worklist-empty').textContent = 'The worklist could not be loaded.';
      showError(e.message);
      box.dataset.state = 'error';
    } finally {
      if (seq === state.worklistSeq) {
        box.dataset.loads = String(++state.worklistLoads);
        if (box.dataset.state !== 'error') $('worklist-empty').textContent = 'No open findings match.';
      }
    }
  }

  /* ---------- the whole page ---------- */

  /* Runs one panel's rendering; its failure is shown in the error box and in the panel. */
  async function guarded(live, name, work) {
    try {
      await work();
      return true;
    } catch (e) {
      if (!live()) return true;
      showError(e.message);
      if (name === 'kpis') {
        $('kpis').replaceChildren();
        $('kpis-empty').hidden = false;
        $('kpis-empty').textContent = 'Not available: ' + e.message;
        chartError('chart-aging', e);
      } else if (name) {
        chartError(name, e);
      }
      return false;
    }
  }

  /* Requests started together; a rejection is handled where the answer is awaited. */
  function request(path, params) {
    const pr = api(path, params);
    pr.catch(() => {});
    return pr;
  }

  async function loadAll() {
    const seq = ++state.loadSeq;
    const live = () => seq === state.loadSeq;
    const p = period();
    clearErrors();
    if (p.from && p.to && p.from > p.to) {
      showError('The period is empty: "From" (' + p.from + ') is after "To" (' + p.to + ').');
      document.body.dataset.state = 'error';
      document.body.dataset.loads = String(++state.loads);
      return;
    }
    writePeriod();
    document.body.dataset.state = 'loading';
    $('status').textContent = 'Loading…';
    ['chart-trend', 'chart-heatmap', 'chart-recovery'].forEach((id) => resetEmpty(id, 'No findings in this period.'));
    resetEmpty('chart-aging', 'No open denials in this period.');
    $('kpis-empty').textContent = 'No claims or findings in this period.';
    const range = { from: p.from, to: p.to, asOf: p.asOf };
    const patternPeriod = patternMonth(p);

    const total = request('/kpis', range);
    const byMonth = request('/kpis', Object.assign({ by: 'month' }, range));
    const byFamily = request('/kpis', Object.assign({ by: 'family' }, range));
    const heat = request('/heatmap', { from: p.from, to: p.to });
    const patterns = request('/patterns', { period: patternPeriod });
    const open = request('/worklist', { asOf: p.asOf, limit: 1000 });
    const held = request('/held-claims', { status: 'held' });
    const feedback = request('/scrubber/feedback', {});

    const panels = [
      [null, async () => {
        const page = await open;
        if (live()) filterOptions(page.items || []);
      }],
      ['kpis', async () => {
        const report = await total;
        if (!live()) return;
        const any = renderKpis(report);
        $('aging-asof').textContent = report.asOf;
        $('status').textContent = 'Decisions (835 payment dates) from ' + (report.from || 'the start') + ' to ' +
          (report.to || 'today') + '; open denials aged and deadlines counted as of ' + report.asOf +
          (any ? '' : ' — no findings in this period');
        renderAging(report);
      }],
      ['chart-trend', async () => {
        const r = await byMonth;
        if (live()) renderTrend(r);
      }],
      ['chart-heatmap', async () => {
        const r = await heat;
        if (live()) renderHeatMap(r, state.payerNames);
      }],
      ['chart-recovery', async () => {
        const r = await byFamily;
        if (live()) renderRecovery(r);
      }],
      [null, async () => {
        const r = await patterns;
        if (live()) renderPatterns(r, state.payerNames);
      }],
      [null, async () => {
        const r = await held;
        if (live()) renderHeld(r);
      }],
      [null, async () => {
        const r = await feedback;
        if (live()) renderPrevention(r);
      }]
    ];
    let ok = true;
    for (const [name, work] of panels) {
      ok = (await guarded(live, name, work)) && ok;
    }
    if (!live()) return;
    state.offset = 0;
    await loadWorklist();
    if (!live()) return;
    if (!ok) $('status').textContent = 'Some figures could not be loaded (see above).';
    document.body.dataset.state = ok && $('worklist').dataset.state !== 'error' ? 'ready' : 'error';
    document.body.dataset.loads = String(++state.loads);
  }

  function start() {
    readPeriod();
    $('period').addEventListener('submit', (e) => {
      e.preventDefault();
      loadAll();
    });
    for (const id of ['from', 'to', 'asOf']) $(id).addEventListener('change', () => loadAll());
    const filters = $('worklist-filters');
    filters.addEventListener('change', () => {
      state.offset = 0;
      loadWorklist();
    });
    filters.addEventListener('reset', () => {
      setTimeout(() => {
        state.offset = 0;
        loadWorklist();
      }, 0);
    });
    $('worklist-prev').addEventListener('click', () => {
      state.offset = Math.max(0, state.offset - PAGE);
      loadWorklist();
    });
    $('worklist-next').addEventListener('click', () => {
      state.offset += PAGE;
      loadWorklist();
    });
    window.addEventListener('resize', () => Object.values(charts).forEach((c) => c.resize()));
    loadAll();
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
