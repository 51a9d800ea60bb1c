// The colorbrewer package's `main` is a UMD file under `"type": "module"`, which Node-platform
// bundlers cannot import; its ES module is imported by path and typed as the package.
declare module 'colorbrewer/index.es.js' {
  import colorbrewer from 'colorbrewer';
  export default colorbrewer;
}
