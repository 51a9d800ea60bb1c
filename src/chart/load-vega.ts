/**
 * The one entry to vega: vega-embed (with vega and vega-lite) and the expression
 * interpreter, loaded only when a chart is on the page. Cached, so every chart shares one load.
 */
let loading: Promise<VegaModules> | undefined;

export interface VegaModules {
  embed: typeof import('vega-embed').default;
  expressionInterpreter: typeof import('vega-interpreter').expressionInterpreter;
}

export function loadVega(): Promise<VegaModules> {
  loading ??= Promise.all([import('vega-embed'), import('vega-interpreter')]).then(([embedModule, interpreter]) => ({
    embed: embedModule.default,
    expressionInterpreter: interpreter.expressionInterpreter,
  }));
  return loading;
}
