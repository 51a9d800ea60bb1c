import type { AtlasGroup, GroupView } from './group.js';

/**
 * Deep links: the page URL's hash carries a group's shared view as
 * `#keck=<group>:<level>:<year>:<indicator>:<area>,<area>` so that a copied link reopens it.
 * Each part is URI-encoded; several groups are joined with `&`, other hash parts are kept.
 */
const PREFIX = 'keck=';

/** The hash entry (without `#`) for a group's view. */
export function formatDeepLink(group: string, view: GroupView): string {
  const parts = [group, view.level ?? '', view.year?.toString() ?? '', view.indicator ?? '', view.areas.map(encodeURIComponent).join(',')];
  return PREFIX + parts.map((part, i) => (i === 4 ? part : encodeURIComponent(part))).join(':');
}

/** The group views named in a hash (`#keck=...&keck=...`), by group name; malformed entries are ignored. */
export function parseDeepLinks(hash: string): Map<string, Partial<GroupView>> {
  const views = new Map<string, Partial<GroupView>>();
  for (const entry of hashParts(hash)) {
    if (!entry.startsWith(PREFIX)) continue;
    const parts = entry.slice(PREFIX.length).split(':');
    if (parts.length !== 5) continue;
    const [group, level, year, indicator, areas] = parts.map((part, i) => (i === 4 ? part : safeDecode(part)));
    if (!group) continue;
    const view: Partial<GroupView> = { areas: areas ? areas.split(',').map(safeDecode).filter(Boolean) : [] };
    if (level) view.level = level;
    if (/^\d{4}$/.test(year)) view.year = Number(year);
    if (indicator) view.indicator = indicator;
    views.set(group, view);
  }
  return views;
}

/** The hash with this group's entry replaced (or added), other parts kept. */
export function withDeepLink(hash: string, group: string, view: GroupView): string {
  const own = formatDeepLink(group, view);
  const others = hashParts(hash).filter((entry) => !(entry.startsWith(PREFIX) && safeDecode(entry.slice(PREFIX.length).split(':')[0]) === group));
  return `#${[...others, own].join('&')}`;
}

function hashParts(hash: string): string[] {
  return hash.replace(/^#/, '').split('&').filter(Boolean);
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return '';
  }
}

const links = new Map<AtlasGroup, { users: number; detach: () => void }>();

/**
 * Keeps a group's view and the page URL's hash in step: applies the hash's entry for the
 * group now and on `hashchange`, and writes every change back with `history.replaceState`
 * (no reload, no new history entry). Reference-counted: call the returned function to release.
 */
export function linkGroupToHash(group: AtlasGroup): () => void {
  let link = links.get(group);
  if (!link) {
    const apply = () => {
      const view = parseDeepLinks(location.hash).get(group.name);
      if (view) group.update(view);
    };
    const write = () => {
      const hash = withDeepLink(location.hash, group.name, group.view);
      if (hash !== location.hash) history.replaceState(history.state, '', hash);
    };
    apply();
    group.addEventListener('change', write);
    window.addEventListener('hashchange', apply);
    link = {
      users: 0,
      detach: () => {
        group.removeEventListener('change', write);
        window.removeEventListener('hashchange', apply);
      },
    };
    links.set(group, link);
  }
  link.users += 1;
  let released = false;
  return () => {
    if (released || !link) return;
    released = true;
    link.users -= 1;
    if (link.users === 0) {
      link.detach();
      links.delete(group);
    }
  };
}
