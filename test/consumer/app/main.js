// A consumer's entry: one import per element, as docs/embedding.md tells bundler users.
import 'keck-atlas/map/define';
import 'keck-atlas/table/define';
