// Charts of the store and of how well it works: playbooks per space and category, import success, conversion
// quality and updates over time per space, the most used playbooks, and each space's effectiveness.

import { get } from './api.js';
import { card, clear, emptyState, errorBox, h, loading, timeCell } from './dom.js';

const ECHARTS = '/webjars/echarts/dist/echarts.min.js';
const COLORS = ['#2457d6', '#12a37a', '#e8a317', '#d6456b', '#7b5cd6', '#1fa2c7', '#8a9a5b', '#c76b1f'];
const DAY = 24 * 3600 * 1000;
/** The windows offered: each asks GET /analytics for a span and a bucket width that make a readable series. */
const WINDOWS = [
  { id: '1d', label: 'Last 24 hours, by hour', span: DAY, bucket: 'hour' },
  { id: '7d', label: 'Last 7 days, by day', span: 7 * DAY, bucket: 'day' },
  { id: '30d', label: 'Last 30 days, by day', span: 30 * DAY, bucket: 'day' },
  { id: '26w', label: 'Last 26 weeks, by week', span: 182 * DAY, bucket: 'week' },
];

export async function render(view) {
  let charts = [];
  const dispose = () => {
    charts.forEach((c) => c.dispose());
    charts = [];
  };
  const choice = h('select', { id: 'analytics-window', 'aria-label': 'Time window' },
    WINDOWS.map((w) => h('option', { value: w.id }, w.label)));
  choice.value = '30d';
  const body = h('div', { id: 'analytics-body' });
  let latest = 0;
  const draw = async () => {
    const mine = ++latest;
    dispose();
    // a window chosen while this one loads replaces it: the older answer is dropped
    const drawn = await drawWindow(body, WINDOWS.find((w) => w.id === choice.value), () => mine === latest);
    if (mine === latest) charts = drawn;
  };
  choice.addEventListener('change', draw);
  clear(view, h('div', { class: 'toolbar' }, h('span', { class: 'spacer' }), choice), body);
  await draw();
  const resize = () => charts.forEach((c) => c.resize());
  window.addEventListener('resize', resize);
  return () => {
    window.removeEventListener('resize', resize);
    dispose();
  };
}

async function drawWindow(body, chosen, isCurrent) {
  clear(body, loading('Loading analytics…'));
  let analytics;
  try {
    const to = new Date();
    const from = new Date(to.getTime() - chosen.span);
    analytics = await get(`/analytics?from=${from.toISOString()}&to=${to.toISOString()}&bucket=${chosen.bucket}&limit=10`);
  } catch (e) {
    if (isCurrent()) clear(body, errorBox(e, 'Analytics could not be loaded'));
    return [];
  }
  if (!isCurrent()) return [];
  if (!analytics.total_confluence_playbooks) {
    clear(body, card(null, emptyState('Nothing to chart yet',
      'Charts appear once playbooks are imported.', h('a', { class: 'button primary', href: '#/sync' }, 'Bulk import a space'))));
    return [];
  }
  const spaces = Object.entries(analytics.space_statistics || {});
  const categories = Object.entries(analytics.category_statistics || {});
  const overall = analytics.overall;
  const outdated = spaces.reduce((sum, [, s]) => sum + s.outdated, 0);
  const rate = overall.import.success_rate;

  const boxes = {
    timeline: h('div', { class: 'chart', id: 'chart-timeline' }),
    success: h('div', { class: 'chart', id: 'chart-success' }),
    perSpace: h('div', { class: 'chart', id: 'chart-spaces' }),
    perCategory: h('div', { class: 'chart', id: 'chart-categories' }),
    rateOverTime: h('div', { class: 'chart', id: 'chart-success-over-time' }),
    quality: h('div', { class: 'chart', id: 'chart-quality' }),
    updates: h('div', { class: 'chart', id: 'chart-updates' }),
    effectiveness: h('div', { class: 'chart', id: 'chart-effectiveness' }),
  };

  clear(body,
    h('div', { class: 'kpis' },
      kpi('Playbooks', analytics.total_confluence_playbooks),
      kpi('Spaces', spaces.length),
      kpi('Steps', overall.quality.steps),
      kpi('Outdated', outdated, outdated ? 'warn' : ''),
      kpi('Import success', percent(rate), rate !== null && rate < 0.9 ? 'warn' : '',
        `${overall.import.stored} of ${overall.import.attempted} pages stored in the window`),
      kpi('Concrete steps', percent(overall.quality.concrete_step_share), '',
        'steps with a shell command or an HTTP URL')),
    h('div', { class: 'grid two' },
      card('Import success per space', boxes.rateOverTime),
      card('Import outcomes in the window', boxes.success)),
    h('div', { class: 'grid two' },
      card('Concrete step share per space (daily)', boxes.quality),
      card('New versions per space', boxes.updates)),
    h('div', { class: 'grid two' },
      card('Most used playbooks', mostUsedTable(analytics.most_used)),
      card('Space effectiveness', boxes.effectiveness,
        h('p', { class: 'muted small', id: 'effectiveness-definition' }, analytics.definitions.effectiveness))),
    card('Top failure reasons', failureTable(overall.top_failure_reasons)),
    h('div', { class: 'grid two' },
      card('Imports over time', boxes.timeline),
      card('Playbooks per space', boxes.perSpace)),
    card('Playbooks per category', boxes.perCategory),
    h('p', { class: 'muted small' }, 'Last change ', timeCell(analytics.last_updated)));

  try {
    await loadScript(ECHARTS);
  } catch {
    // shown below: the charts say so in words
  }
  if (!isCurrent()) return [];
  if (!window.echarts) {
    Object.values(boxes).forEach((box) => clear(box, errorBox(new Error('the chart library did not load'), 'No charts')));
    return [];
  }
  const buckets = analytics.series.bucket_starts.map((t) => label(t, analytics.window.bucket));
  const spaceKeys = Object.keys(analytics.spaces);
  return [
    shareLines(boxes.rateOverTime, buckets, analytics.series.import_success_rate),
    overall.import.attempted + overall.import.not_playbook > 0 ? chart(boxes.success, {
      tooltip: { trigger: 'item' },
      legend: { bottom: 0 },
      series: [{ type: 'pie', radius: ['45%', '70%'], center: ['50%', '45%'], label: { formatter: '{b}: {c}' },
        data: [
          { name: 'Stored or unchanged', value: overall.import.stored, itemStyle: { color: COLORS[1] } },
          { name: 'Failed validation', value: overall.import.invalid, itemStyle: { color: COLORS[2] } },
          { name: 'Error', value: overall.import.errors, itemStyle: { color: COLORS[3] } },
          { name: 'Not a playbook', value: overall.import.not_playbook, itemStyle: { color: '#9aa3b2' } },
        ].filter((slice) => slice.value > 0) }],
    }) : (clear(boxes.success, emptyState('No import in this window', 'Run a bulk import or a sync to see how pages import.')), null),
    shareLines(boxes.quality, analytics.daily_snapshots.days, analytics.daily_snapshots.concrete_step_share),
    chart(boxes.updates, {
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0, type: 'scroll' },
      color: COLORS,
      xAxis: { type: 'category', data: buckets },
      yAxis: { type: 'value', minInterval: 1 },
      series: spaceKeys.map((key) => ({ name: key, type: 'bar', stack: 'versions', barMaxWidth: 40,
        data: analytics.series.new_versions[key] })),
    }),
    chart(boxes.effectiveness, {
      tooltip: { trigger: 'axis', valueFormatter: percent },
      legend: { bottom: 0 },
      xAxis: { type: 'category', data: spaceKeys },
      yAxis: { type: 'value', min: 0, max: 1, axisLabel: { formatter: percent } },
      series: [['coverage', COLORS[5]], ['quality', COLORS[1]], ['use', COLORS[2]], ['score', COLORS[0]]].map(([part, color]) => ({
        name: part, type: 'bar', barMaxWidth: 28, itemStyle: { color },
        data: spaceKeys.map((key) => analytics.spaces[key].effectiveness[part]) })),
    }),
    chart(boxes.timeline, {
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: analytics.import_timeline.map((t) => t.date) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ name: 'First imported', type: 'bar', barMaxWidth: 56, data: analytics.import_timeline.map((t) => t.imports), itemStyle: { color: COLORS[0] } }],
    }),
    chart(boxes.perSpace, {
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0 },
      xAxis: { type: 'category', data: spaces.map(([key]) => key) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: 'Current', type: 'bar', stack: 'all', barMaxWidth: 56, data: spaces.map(([, s]) => s.playbooks - s.outdated), itemStyle: { color: COLORS[1] } },
        { name: 'Outdated', type: 'bar', stack: 'all', data: spaces.map(([, s]) => s.outdated), itemStyle: { color: COLORS[2] } },
      ],
    }),
    chart(boxes.perCategory, {
      tooltip: { trigger: 'item' },
      legend: { bottom: 0, type: 'scroll' },
      color: COLORS,
      series: [{ type: 'pie', radius: ['45%', '70%'], center: ['50%', '45%'], label: { formatter: '{b}: {c}' },
        data: categories.map(([name, value]) => ({ name: name || 'none', value })) }],
    }),
  ].filter(Boolean);
}

/** One line per space of a share (0..1) over time; a point without data (null) is bridged. */
function shareLines(box, xLabels, perSpace) {
  return chart(box, {
    tooltip: { trigger: 'axis', valueFormatter: percent },
    legend: { bottom: 0, type: 'scroll' },
    color: COLORS,
    xAxis: { type: 'category', data: xLabels },
    yAxis: { type: 'value', min: 0, max: 1, axisLabel: { formatter: percent } },
    series: Object.entries(perSpace).map(([key, values]) => ({ name: key, type: 'line', connectNulls: true, data: values })),
  });
}

function mostUsedTable(rows) {
  if (!rows.length) return emptyState('No use recorded in this window', 'Uses are counted when agents fetch, open or run playbooks.');
  return h('div', { class: 'table-wrap' }, h('table', { class: 'table compact', id: 'most-used' },
    h('thead', {}, h('tr', {}, h('th', {}, 'Playbook'), h('th', {}, 'Space'), h('th', { class: 'num' }, 'Fetched'),
      h('th', { class: 'num' }, 'Opened'), h('th', { class: 'num' }, 'Executed'), h('th', { class: 'num' }, 'Total'))),
    h('tbody', {}, rows.map((row) => h('tr', {},
      h('td', {}, h('a', { href: `#/playbooks/${encodeURIComponent(row.playbook_id)}` }, row.name)),
      h('td', {}, row.space_key),
      h('td', { class: 'num' }, row.fetched), h('td', { class: 'num' }, row.search_opened),
      h('td', { class: 'num' }, row.executed), h('td', { class: 'num' }, row.total))))));
}

function failureTable(reasons) {
  if (!reasons.length) return emptyState('No failed import in this window', 'Pages that fail validation or conversion are listed here with their reason.');
  return h('div', { class: 'table-wrap' }, h('table', { class: 'table compact', id: 'failure-reasons' },
    h('thead', {}, h('tr', {}, h('th', {}, 'Reason'), h('th', { class: 'num' }, 'Pages'))),
    h('tbody', {}, reasons.map((r) => h('tr', {}, h('td', {}, r.reason), h('td', { class: 'num' }, r.pages))))));
}

function percent(value) {
  return value === null || value === undefined ? '—' : `${Math.round(value * 100)}%`;
}

/** A bucket start as a short axis label: the hour for hourly buckets, else the date. */
function label(iso, bucket) {
  return bucket === 'hour' ? iso.slice(5, 13).replace('T', ' ') + 'h' : iso.slice(0, 10);
}

function kpi(label_, value, kind = '', hint = '') {
  return h('div', { class: ['kpi', kind && `kpi-${kind}`], title: hint || null },
    h('span', { class: 'kpi-value' }, String(value)), h('span', { class: 'kpi-label' }, label_),
    hint ? h('span', { class: 'kpi-hint' }, hint) : null);
}

/** The chart library is big: it is loaded the first time Analytics is shown, not with the dashboard. */
function loadScript(src) {
  if (window.echarts) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.onload = resolve;
    script.onerror = () => reject(new Error(`${src} did not load`));
    document.head.append(script);
  });
}

function chart(element, option) {
  const instance = window.echarts.init(element, null, { renderer: 'canvas' });
  // marks the chart as drawn once its animation is over (screenshots and tests wait for it)
  instance.on('finished', () => { element.dataset.drawn = 'true'; });
  instance.setOption({
    animation: !window.matchMedia('(prefers-reduced-motion: reduce)').matches,
    grid: { left: 44, right: 16, top: 16, bottom: 48 },
    textStyle: { fontFamily: 'inherit' },
    ...option,
  });
  return instance;
}
