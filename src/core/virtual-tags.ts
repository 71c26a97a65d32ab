// The tags computed from a paper's history rather than set by the user. A leaf module: the tag
// and decision modules need it, and the library model imports them.
export const VIRTUAL_TAGS = ['new', 'seen', 'untriaged'] as const;
