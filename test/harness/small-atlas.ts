import type { Indicator, ValueBlock } from '../../src/contract/types.js';
import { Atlas } from '../../src/data/atlas.js';

/** A four-area atlas (keys a–d, one level "area") with one indicator and the given value blocks. */
export function smallAtlas(indicator: Omit<Indicator, 'definition' | 'source' | 'topic' | 'published'>, blocks: ValueBlock[]): Atlas {
  return new Atlas(
    {
      contract: '1.0',
      id: 'small',
      title: 'Small',
      build: 'public',
      attribution: [],
      reference: { name: 'Stadt' },
      defaults: { level: 'area' },
      topics: [{ id: 't', title: 'T' }],
      levels: [{ id: 'area', title: 'Area', areas: ['a', 'b', 'c', 'd'].map((key) => ({ key, name: key.toUpperCase() })) }],
      indicators: [{ definition: '', source: '', topic: 't', published: true, ...indicator }],
      values: [],
    },
    'https://example.org/atlas.json',
    blocks,
  );
}
