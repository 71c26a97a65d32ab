// The yaml package as the core's YAML readers take it: handed in by io (io/yaml.ts loads it on first
// use), so that commands which never read YAML never load it.
import type * as Yaml from 'yaml';

export type YamlModule = typeof Yaml;
