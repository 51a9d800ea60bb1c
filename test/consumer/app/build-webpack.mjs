// `webpack` with the config beside this file (the app has no webpack-cli), then the page.
import { copyFileSync, cpSync } from 'node:fs';
import webpack from 'webpack';
import config from './webpack.config.mjs';

const stats = await new Promise((resolve, reject) => webpack(config, (error, result) => (error ? reject(error) : resolve(result))));
console.log(stats.toString({ colors: false, modules: false }));
if (stats.hasErrors()) process.exit(1);
copyFileSync('webpack.html', 'dist-webpack/index.html');
cpSync('public/atlas', 'dist-webpack/atlas', { recursive: true });
