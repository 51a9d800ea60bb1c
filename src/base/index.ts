export * from './events.js';
export { KeckElement } from './keck-element.js';
export { AtlasController, type LoadStatus } from './atlas-controller.js';
export { AtlasGroup, GroupChangeEvent, type GroupView } from './group.js';
export { resolveLocale } from './locale.js';
export { baseStyles } from './styles.js';
