import { readFileSync } from 'node:fs';
import { parser } from '@prometheus-io/lezer-promql';
import { describe, expect, it } from 'vitest';
import { createMetrics } from '../../src/metrics/metrics.js';

/** The Grafana dashboard shipped for operators: it must import cleanly and ask only for what the bot serves. */
const dashboard = JSON.parse(
  readFileSync(new URL('../../ops/grafana-dashboard.json', import.meta.url), 'utf8'),
);
const panels: any[] = dashboard.panels;
const targets: any[] = panels.flatMap((panel) => panel.targets ?? []);

/** What Grafana puts in place of its variables before a query reaches Prometheus. */
const asSent = (expr: string) =>
  expr
    .replaceAll('$__rate_interval', '5m')
    .replaceAll('$__range', '7d')
    .replaceAll('$job', '.*')
    .replaceAll('$system', 'greenhouse');

const syntaxErrors = (expr: string) => {
  const errors: number[] = [];
  parser.parse(expr).iterate({
    enter: (node) => {
      if (node.type.isError) errors.push(node.from);
    },
  });
  return errors;
};

describe('the Grafana dashboard', () => {
  it('picks its Prometheus through a datasource variable, in every panel and query', () => {
    const variable = dashboard.templating.list.find((each: any) => each.name === 'datasource');
    expect(variable).toMatchObject({ type: 'datasource', query: 'prometheus' });
    for (const each of [...panels.filter((panel) => panel.type !== 'row'), ...targets]) {
      // biome-ignore lint/suspicious/noTemplateCurlyInString: Grafana's variable syntax, not a template
      expect(each.datasource).toEqual({ type: 'prometheus', uid: '${datasource}' });
    }
    expect(dashboard.uid).toMatch(/^[a-z0-9-]{1,40}$/);
    expect(typeof dashboard.schemaVersion).toBe('number');
  });

  it('lays out panels with unique ids on the 24-column grid', () => {
    const ids = panels.map((panel) => panel.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { gridPos } of panels) {
      expect(gridPos.x + gridPos.w).toBeLessThanOrEqual(24);
      expect(gridPos.h).toBeGreaterThan(0);
    }
  });

  it('has the funnel per system, acknowledgement percentiles, failure codes, deliveries and rejections', () => {
    const exprs = targets.map((target) => target.expr as string);
    const funnel = panels.find((panel) => panel.repeat === 'system');
    expect(JSON.stringify(funnel.targets)).toContain('wintro_flow_steps_total');
    for (const quantile of ['0.5', '0.95', '0.99']) {
      expect(exprs).toContainEqual(
        expect.stringContaining(`histogram_quantile(${quantile}, sum by (le, kind)`),
      );
    }
    expect(exprs).toContainEqual(expect.stringContaining('outcome!="linked"'));
    expect(exprs).toContainEqual(expect.stringContaining('wintro_webhook_deliveries_total'));
    expect(exprs).toContainEqual(expect.stringContaining('wintro_rejected_requests_total'));
  });

  it('writes every query in valid PromQL, on metrics the bot serves', async () => {
    const served = new Set(
      [
        ...(await createMetrics({ systemIds: ['greenhouse'] }).exposition()).text.matchAll(
          /^# TYPE (\S+) (\w+)/gm,
        ),
      ].flatMap(([, name, type]) =>
        type === 'histogram' ? [`${name}_bucket`, `${name}_count`, `${name}_sum`] : [name as string],
      ),
    );
    const queries = [
      ...targets.map((target) => target.expr as string),
      ...dashboard.templating.list.flatMap((each: any) => (each.query?.query ? [each.query.query] : [])),
    ];
    // The parser does find mistakes: a bracket left open is one.
    expect(syntaxErrors('sum by (le) (rate(wintro_ack_seconds_bucket[5m])')).not.toEqual([]);
    for (const expr of queries) {
      if (expr.startsWith('label_values(')) continue;
      expect(syntaxErrors(asSent(expr)), expr).toEqual([]);
    }
    for (const expr of queries) {
      for (const [name] of expr.matchAll(/\b(?:wintro|process|nodejs)_[a-z0-9_]+/g)) {
        expect(served.has(name), `${name} in ${expr}`).toBe(true);
      }
    }
  });
});
