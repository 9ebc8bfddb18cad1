// Charts of the store: imports over time, playbooks per space and per category, and how well imports went.

import { get } from './api.js';
import { card, clear, emptyState, errorBox, h, loading, timeCell } from './dom.js';

const ECHARTS = '/webjars/echarts/dist/echarts.min.js';
const COLORS = ['#2457d6', '#12a37a', '#e8a317', '#d6456b', '#7b5cd6', '#1fa2c7', '#8a9a5b', '#c76b1f'];

export async function render(view) {
  view.append(loading('Loading analytics…'));
  let analytics;
  let sync;
  try {
    [analytics, sync] = await Promise.all([get('/analytics'), get('/sync/status')]);
  } catch (e) {
    clear(view, errorBox(e, 'Analytics could not be loaded'));
    return null;
  }
  if (!analytics.total_confluence_playbooks) {
    clear(view, card(null, emptyState('Nothing to chart yet',
      'Charts appear once playbooks are imported.', h('a', { class: 'button primary', href: '#/sync' }, 'Bulk import a space'))));
    return null;
  }
  const spaces = Object.entries(analytics.space_statistics || {});
  const categories = Object.entries(analytics.category_statistics || {});
  const outdated = spaces.reduce((sum, [, s]) => sum + s.outdated, 0);
  const steps = spaces.reduce((sum, [, s]) => sum + s.steps, 0);
  const rate = successRate(sync);

  const timeline = h('div', { class: 'chart', id: 'chart-timeline' });
  const perSpace = h('div', { class: 'chart', id: 'chart-spaces' });
  const perCategory = h('div', { class: 'chart', id: 'chart-categories' });
  const rateChart = h('div', { class: 'chart', id: 'chart-success' });

  clear(view,
    h('div', { class: 'kpis' },
      kpi('Playbooks', analytics.total_confluence_playbooks),
      kpi('Spaces', spaces.length),
      kpi('Steps', steps),
      kpi('Outdated', outdated, outdated ? 'warn' : ''),
      kpi('Import success', rate ? `${Math.round(rate.rate * 100)}%` : '—', rate && rate.rate < 0.9 ? 'warn' : '',
        rate ? rate.basis : 'no import has run since the service started')),
    h('div', { class: 'grid two' },
      card('Imports over time', timeline),
      card('Import success', rateChart)),
    h('div', { class: 'grid two' },
      card('Playbooks per space', perSpace),
      card('Playbooks per category', perCategory)),
    h('p', { class: 'muted small' }, 'Last change ', timeCell(analytics.last_updated)));

  try {
    await loadScript(ECHARTS);
  } catch {
    // shown below: the charts say so in words
  }
  if (!window.echarts) {
    [timeline, perSpace, perCategory, rateChart].forEach((box) => clear(box, errorBox(new Error('the chart library did not load'), 'No charts')));
    return null;
  }
  const charts = [
    chart(timeline, {
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: analytics.import_timeline.map((t) => t.date) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ name: 'First imported', type: 'bar', barMaxWidth: 56, data: analytics.import_timeline.map((t) => t.imports), itemStyle: { color: COLORS[0] } }],
    }),
    chart(perSpace, {
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0 },
      xAxis: { type: 'category', data: spaces.map(([key]) => key) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: 'Current', type: 'bar', stack: 'all', barMaxWidth: 56, data: spaces.map(([, s]) => s.playbooks - s.outdated), itemStyle: { color: COLORS[1] } },
        { name: 'Outdated', type: 'bar', stack: 'all', data: spaces.map(([, s]) => s.outdated), itemStyle: { color: COLORS[2] } },
      ],
    }),
    chart(perCategory, {
      tooltip: { trigger: 'item' },
      legend: { bottom: 0, type: 'scroll' },
      color: COLORS,
      series: [{ type: 'pie', radius: ['45%', '70%'], center: ['50%', '45%'], label: { formatter: '{b}: {c}' },
        data: categories.map(([name, value]) => ({ name: name || 'none', value })) }],
    }),
    rate ? chart(rateChart, {
      tooltip: { trigger: 'item' },
      legend: { bottom: 0 },
      series: [{ type: 'pie', radius: ['45%', '70%'], center: ['50%', '45%'], label: { formatter: '{b}: {c}' },
        data: [
          { name: 'Imported or unchanged', value: rate.good, itemStyle: { color: COLORS[1] } },
          { name: 'Failed', value: rate.failed, itemStyle: { color: COLORS[3] } },
        ].filter((slice) => slice.value > 0) }],
    }) : (clear(rateChart, emptyState('No import report yet', 'Run a bulk import or a sync to see how many pages imported cleanly.')), null),
  ].filter(Boolean);
  const resize = () => charts.forEach((c) => c.resize());
  window.addEventListener('resize', resize);
  return () => {
    window.removeEventListener('resize', resize);
    charts.forEach((c) => c.dispose());
  };
}

/** Pages that imported (or were already current) against those that failed, over the last bulk import and sync. */
function successRate(sync) {
  let good = 0;
  let failed = 0;
  const basis = [];
  const bulk = sync && sync.bulk_import;
  if (bulk && !bulk.running) {
    good += bulk.successful_imports + bulk.skipped_imports;
    failed += bulk.failed_imports;
    basis.push(`bulk import of ${bulk.space_key}`);
  }
  const last = sync && sync.last_sync;
  if (last) {
    good += last.checked_playbooks - last.failed_updates;
    failed += last.failed_updates;
    basis.push('last sync');
  }
  if (good + failed === 0) return null;
  return { good, failed, rate: good / (good + failed), basis: `from the ${basis.join(' and the ')}` };
}

function kpi(label, value, kind = '', hint = '') {
  return h('div', { class: ['kpi', kind && `kpi-${kind}`], title: hint || null },
    h('span', { class: 'kpi-value' }, String(value)), h('span', { class: 'kpi-label' }, label),
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
    grid: { left: 40, right: 16, top: 16, bottom: 48 },
    textStyle: { fontFamily: 'inherit' },
    ...option,
  });
  return instance;
}
