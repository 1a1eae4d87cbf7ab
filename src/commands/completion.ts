import { InvalidArgumentError, type Command, type Option } from 'commander';
import { examples } from './flags.js';

const SHELLS = ['bash', 'zsh', 'fish'] as const;
type Shell = (typeof SHELLS)[number];

/** What a flag's value is completed from: folders, files, or a fixed list of words. */
const VALUES: Record<string, 'dirs' | 'files' | string[]> = {
  corpus: 'dirs',
  index: 'dirs',
  embeddings: ['hashing', 'transformers', 'openai', 'ollama'],
  lang: ['id', 'en'],
  out: 'files',
  cite: 'files',
};

interface Flag {
  name: string;
  short?: string;
  takesValue: boolean;
  description: string;
}

interface Spec {
  globals: Flag[];
  commands: { name: string; description: string; flags: Flag[]; files: boolean }[];
}

const flagOf = (o: Option): Flag => ({
  name: o.long!.replace(/^--/, ''),
  short: o.short?.replace(/^-/, ''),
  takesValue: o.required || o.optional,
  description: o.description,
});

/** The commands (aliases too) and flags of the program, as the completion scripts offer them. */
function specOf(program: Command): Spec {
  return {
    globals: program.options.filter((o) => o.long).map(flagOf),
    commands: program.commands
      .filter((c) => c.name() !== 'help')
      .flatMap((c) =>
        [c.name(), ...c.aliases()].map((name) => ({
          name,
          description: c.description(),
          flags: c.options.filter((o) => o.long).map(flagOf),
          files: c.name() === 'eval',
        })),
      ),
  };
}

const words = (flags: Flag[]) => flags.map((f) => `--${f.name}${f.short ? ` -${f.short}` : ''}`).join(' ');
const quote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

function bash({ globals, commands }: Spec): string {
  const valued = [...globals, ...commands.flatMap((c) => c.flags)].filter((f) => f.takesValue);
  const valueCases = [...new Set(valued.map((f) => f.name))].map((name) => {
    const from = VALUES[name];
    const reply =
      from === 'dirs'
        ? 'compgen -d -- "$cur"'
        : from === 'files'
          ? 'compgen -f -- "$cur"'
          : from
            ? `compgen -W ${quote(from.join(' '))} -- "$cur"`
            : 'true';
    return `    --${name}) COMPREPLY=($(${reply})); return ;;`;
  });
  return `# kabar completion for bash: eval "$(kabar completion bash)" in ~/.bashrc
_kabar() {
  local cur=\${COMP_WORDS[COMP_CWORD]} prev=\${COMP_WORDS[COMP_CWORD-1]} command= w
  for w in "\${COMP_WORDS[@]:1:COMP_CWORD-1}"; do
    case " ${commands.map((c) => c.name).join(' ')} " in *" $w "*) command=$w; break ;; esac
  done
  case "$prev" in
${valueCases.join('\n')}
  esac
  local flags=${quote(words(globals))}
  case "$command" in
${commands.map((c) => `    ${c.name}) flags="$flags ${words(c.flags)}" ;;`).join('\n')}
    '') [[ "$cur" != -* ]] && { COMPREPLY=($(compgen -W ${quote(commands.map((c) => c.name).join(' '))} -- "$cur")); return; } ;;
  esac
  if [[ "$cur" == -* ]]; then COMPREPLY=($(compgen -W "$flags" -- "$cur"));
  elif [[ "$command" == eval || "$command" == cite ]]; then COMPREPLY=($(compgen -f -- "$cur")); fi
}
complete -F _kabar kabar
`;
}

const zshText = (text: string) => text.replace(/[[\]:'\\]/g, (c) => (c === "'" ? `'\\''` : `\\${c}`));

function zshFlag(f: Flag): string[] {
  const from = VALUES[f.name];
  const value = !f.takesValue
    ? ''
    : from === 'dirs'
      ? ':folder:_files -/'
      : from === 'files'
        ? ':file:_files'
        : from
          ? `:value:(${from.join(' ')})`
          : ':value:';
  const spec = (flag: string) => `'${flag}[${zshText(f.description)}]${value}'`;
  return f.short
    ? [spec(`(-${f.short} --${f.name})-${f.short}`), spec(`(-${f.short} --${f.name})--${f.name}`)]
    : [spec(`--${f.name}`)];
}

function zsh({ globals, commands }: Spec): string {
  return `#compdef kabar
# kabar completion for zsh: kabar completion zsh > "\${fpath[1]}/_kabar", or eval "$(kabar completion zsh)" after compinit
_kabar() {
  local context state line
  local -a commands=(
${commands.map((c) => `    '${c.name}:${zshText(c.description)}'`).join('\n')}
  )
  _arguments -C \\
${globals
  .flatMap(zshFlag)
  .map((s) => `    ${s} \\`)
  .join('\n')}
    '1: :->command' '*:: :->args'
  case $state in
    command) _describe 'command' commands ;;
    args)
      case $line[1] in
${commands.map((c) => `        ${c.name}) _arguments ${[...c.flags.flatMap(zshFlag), c.files ? "'*:file:_files'" : "'*: :'"].join(' ')} ;;`).join('\n')}
      esac ;;
  esac
}
compdef _kabar kabar
`;
}

function fishFlag(f: Flag, condition: string): string {
  const from = VALUES[f.name];
  const value = !f.takesValue
    ? ''
    : from === 'dirs'
      ? " -r -a '(__fish_complete_directories)'"
      : from === 'files'
        ? ' -r -F'
        : from
          ? ` -r -f -a ${quote(from.join(' '))}`
          : ' -r';
  return `complete -c kabar${condition} -l ${f.name}${f.short ? ` -s ${f.short}` : ''} -d ${quote(f.description)}${value}`;
}

function fish({ globals, commands }: Spec): string {
  return [
    '# kabar completion for fish: kabar completion fish > ~/.config/fish/completions/kabar.fish',
    'complete -c kabar -f',
    ...commands.map((c) => `complete -c kabar -n __fish_use_subcommand -a ${c.name} -d ${quote(c.description)}`),
    ...globals.map((f) => fishFlag(f, '')),
    ...commands.flatMap((c) => [
      ...c.flags.map((f) => fishFlag(f, ` -n '__fish_seen_subcommand_from ${c.name}'`)),
      ...(c.files ? [`complete -c kabar -n '__fish_seen_subcommand_from ${c.name}' -F`] : []),
    ]),
    '',
  ].join('\n');
}

const SCRIPTS: Record<Shell, (spec: Spec) => string> = { bash, zsh, fish };

function shellOf(value: string): Shell {
  if (!(SHELLS as readonly string[]).includes(value))
    throw new InvalidArgumentError(`It must be one of ${SHELLS.join(', ')}.`);
  return value as Shell;
}

export function registerCompletion(program: Command): void {
  program
    .command('completion')
    .description("print a script that completes kabar's commands and flags in bash, zsh or fish")
    .argument('<shell>', SHELLS.join(', '), shellOf)
    .addHelpText(
      'after',
      examples([
        'eval "$(kabar completion bash)"    # in ~/.bashrc',
        'kabar completion zsh > "${fpath[1]}/_kabar"',
        'kabar completion fish > ~/.config/fish/completions/kabar.fish',
      ]),
    )
    .action((shell: Shell) => {
      process.stdout.write(SCRIPTS[shell](specOf(program)));
    });
}
