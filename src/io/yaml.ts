// The yaml package, loaded on first use: it is CommonJS, so a synchronous require serves, and a
// command that reads no YAML (a `list` without a config file, with a current decisions cache)
// never pays for it.
import { createRequire } from 'node:module';
import type { YamlModule } from '../core/yaml-codec.js';

let loaded: YamlModule | undefined;

export function yaml(): YamlModule {
  loaded ??= createRequire(import.meta.url)('yaml') as YamlModule;
  return loaded;
}
