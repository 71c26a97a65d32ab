// The yaml package, loaded on first use: a command that reads no YAML (a `list` without a config
// file, with a current decisions cache) never pays for it.
import type { YamlModule } from '../core/yaml-codec.js';
import { lazyRequire } from './lazy-require.js';

export const yaml = lazyRequire<YamlModule>('yaml');
