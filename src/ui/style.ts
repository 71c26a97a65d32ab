// The UI's colours, as functions over strings (views build whole styled lines: fewer Ink nodes).
// Uses chalk's default instance, as Ink does, so NO_COLOR / FORCE_COLOR apply to both alike.
import chalk from 'chalk';

export const style = {
  bold: (s: string) => chalk.bold(s),
  dim: (s: string) => chalk.dim(s),
  inverse: (s: string) => chalk.inverse(s),
  cursor: (s: string) => chalk.yellow(s),
  mark: (s: string) => chalk.magenta(s),
  match: (s: string) => chalk.yellow.bold.underline(s),
  tags: (s: string) => chalk.cyan(s),
  markers: (s: string) => chalk.green(s),
  link: (s: string) => chalk.blue(s),
  title: (s: string) => chalk.bold(s),
};
