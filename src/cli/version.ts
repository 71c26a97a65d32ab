// The version printed by `papers --version`: package.json's, read when the bundle is built, so the two never differ.
import pkg from '../../package.json' with { type: 'json' };

export const VERSION: string = pkg.version;
