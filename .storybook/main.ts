import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.ts', '../src/**/*.stories.ts'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  addons: ['@storybook/addon-docs'],
  staticDirs: [{ from: '../demo/atlas', to: '/atlas' }, { from: '../docs/examples', to: '/examples' }],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
};
export default config;
