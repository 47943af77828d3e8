using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Completions;
using System.CommandLine.Parsing;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;

namespace NatDsl.Cli.Commands;

/// <summary>
/// Shell completion: <c>natdsl completion bash|fish</c> prints a script for the shell, and the
/// script asks the hidden <c>natdsl __complete LINE</c> what may follow the command line typed so
/// far (its text up to the cursor, starting with the tool's name). The answer is one candidate per
/// line: subcommands, option names (for a word starting with <c>-</c>), the values an option or
/// argument accepts, or the line <c>:files</c> where a file name goes (the shell lists files itself).
/// </summary>
public static class CompletionCommand
{
    /// <summary>The name of the hidden command the scripts call.</summary>
    public const string CompleteCommandName = "__complete";

    /// <summary>The answer line that asks the shell for file names.</summary>
    public const string FilesMarker = ":files";

    private static readonly ConditionalWeakTable<Symbol, object> FileSymbols = new();

    private static readonly string[] Shells = { "bash", "fish" };

    /// <summary>Marks options and arguments whose value is a file name (or <c>-</c>).</summary>
    public static void Files(params Symbol[] symbols)
    {
        foreach (var symbol in symbols) FileSymbols.AddOrUpdate(symbol, FilesMarker);
    }

    /// <summary>Creates <c>natdsl completion SHELL</c>.</summary>
    public static Command Create()
    {
        var shell = new Argument<string>("shell") { Description = "The shell: bash or fish." };
        shell.AcceptOnlyFromAmong(Shells);
        var command = new Command("completion",
            "Print the shell completion script for bash or fish: subcommands, options, the values of --to, --dialect, --proto, --table\n" +
            "and --profile, and file names where a file goes.\n\n" +
            "Examples:\n" +
            "  source <(natdsl completion bash)                        (bash, this session; add the line to ~/.bashrc to keep it)\n" +
            "  natdsl completion fish > ~/.config/fish/completions/natdsl.fish");
        command.Arguments.Add(shell);
        command.SetAction(parse =>
        {
            Console.Out.Write(Script(parse.GetValue(shell)!));
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Creates the hidden <c>natdsl __complete LINE</c> that the scripts call.</summary>
    public static Command CreateComplete()
    {
        var line = new Argument<string>("line") { Description = "The command line up to the cursor, starting with the tool's name." };
        var command = new Command(CompleteCommandName, "Print what may follow LINE, one candidate per line (used by the completion scripts).")
        {
            Hidden = true,
        };
        command.Arguments.Add(line);
        command.SetAction(parse =>
        {
            var answer = new StringBuilder();
            foreach (var candidate in Complete(CommandLineApp.Build(), parse.GetValue(line)!)) answer.Append(candidate).Append('\n');
            Console.Out.Write(answer.ToString());
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The script for <paramref name="shell"/> (bash or fish).</summary>
    public static string Script(string shell) => shell switch
    {
        "bash" => BashScript,
        "fish" => FishScript,
        _ => throw new UserInputException("completion: unknown shell \"" + shell + "\" (expected bash or fish)", isUsage: true),
    };

    /// <summary>
    /// What may follow <paramref name="line"/> (the text up to the cursor, the tool's name first):
    /// the candidates that start with the word being typed, and <see cref="FilesMarker"/> where a
    /// file name may go.
    /// </summary>
    public static IReadOnlyList<string> Complete(Command root, string line)
    {
        var words = Words(line, out var current);
        var args = words.Skip(1).ToArray();
        var parse = root.Parse(args);
        var command = parse.CommandResult.Command;
        var candidates = new List<string>();

        var pending = PendingOption(parse, command, args);
        if (pending is not null)
        {
            candidates.AddRange(Values(pending));
            if (IsFile(pending)) candidates.Add(FilesMarker);
        }
        else if (current.StartsWith('-'))
        {
            candidates.AddRange(OptionsOf(parse.CommandResult).Where(o => !o.Hidden).Select(o => o.Name));
        }
        else
        {
            candidates.AddRange(command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name));
            if (NextArgument(parse.CommandResult) is { } argument)
            {
                candidates.AddRange(Values(argument));
                if (IsFile(argument)) candidates.Add(FilesMarker);
            }
        }
        return candidates
            .Where(c => c == FilesMarker || c.StartsWith(current, StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The option whose value is being typed (the previous word names it and it takes a value), if any.</summary>
    private static Option? PendingOption(ParseResult parse, Command command, string[] args)
    {
        if (args.Length == 0) return null;
        var last = parse.Tokens.Count > 0 ? parse.Tokens[parse.Tokens.Count - 1] : null;
        if (last is null || last.Type != TokenType.Option || last.Value != args[args.Length - 1]) return null;
        var option = OptionsOf(parse.CommandResult).FirstOrDefault(o => o.Name == last.Value || o.Aliases.Contains(last.Value));
        return option is not null && option.Arity.MinimumNumberOfValues > 0 ? option : null;
    }

    /// <summary>The options of the command and the recursive options of its ancestors.</summary>
    private static IEnumerable<Option> OptionsOf(CommandResult result)
    {
        foreach (var option in result.Command.Options) yield return option;
        for (var parent = result.Parent as CommandResult; parent is not null; parent = parent.Parent as CommandResult)
        {
            foreach (var option in parent.Command.Options)
            {
                if (option.Recursive) yield return option;
            }
        }
    }

    /// <summary>The first positional argument of the command that has room for another value.</summary>
    private static Argument? NextArgument(CommandResult result)
    {
        var given = result.Children.OfType<ArgumentResult>().ToDictionary(a => a.Argument, a => a.Tokens.Count);
        foreach (var argument in result.Command.Arguments)
        {
            given.TryGetValue(argument, out var count);
            if (count < argument.Arity.MaximumNumberOfValues) return argument;
        }
        return null;
    }

    private static IEnumerable<string> Values(Symbol symbol)
    {
        var items = symbol switch
        {
            Option option => option.GetCompletions(CompletionContext.Empty),
            Argument argument => argument.GetCompletions(CompletionContext.Empty),
            _ => Enumerable.Empty<CompletionItem>(),
        };
        return items.Select(i => i.InsertText ?? i.Label);
    }

    private static bool IsFile(Symbol symbol) => FileSymbols.TryGetValue(symbol, out _);

    /// <summary>
    /// Splits the line as a shell would (blanks separate words; single quotes, double quotes and
    /// backslashes quote), returning the complete words; <paramref name="current"/> is the word at
    /// the end of the line, empty when the line ends with a blank.
    /// </summary>
    private static List<string> Words(string line, out string current)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        char? quote = null;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quote is { } q)
            {
                if (c == q) quote = null;
                else if (c == '\\' && q == '"' && i + 1 < line.Length) word.Append(line[++i]);
                else word.Append(c);
                continue;
            }
            if (c == ' ' || c == '\t' || c == '\n')
            {
                if (inWord) words.Add(word.ToString());
                word.Clear();
                inWord = false;
                continue;
            }
            inWord = true;
            if (c == '\'' || c == '"') quote = c;
            else if (c == '\\' && i + 1 < line.Length) word.Append(line[++i]);
            else word.Append(c);
        }
        current = inWord ? word.ToString() : string.Empty;
        return words;
    }

    private const string BashScript =
        "# natdsl completion for bash: source <(natdsl completion bash)\n" +
        "_natdsl_complete() {\n" +
        "    local cur=\"${COMP_WORDS[COMP_CWORD]}\" item IFS=$'\\n'\n" +
        "    local -a items\n" +
        "    items=($(natdsl " + CompleteCommandName + " \"${COMP_LINE:0:COMP_POINT}\" 2>/dev/null))\n" +
        "    COMPREPLY=()\n" +
        "    for item in \"${items[@]}\"; do\n" +
        "        if [[ $item == " + FilesMarker + " ]]; then\n" +
        "            compopt -o filenames 2>/dev/null\n" +
        "            COMPREPLY+=($(compgen -f -- \"$cur\"))\n" +
        "        else\n" +
        "            COMPREPLY+=(\"$item\")\n" +
        "        fi\n" +
        "    done\n" +
        "}\n" +
        "complete -F _natdsl_complete natdsl\n";

    private const string FishScript =
        "# natdsl completion for fish: natdsl completion fish > ~/.config/fish/completions/natdsl.fish\n" +
        "function __natdsl_complete\n" +
        "    set -l token (commandline -ct)\n" +
        "    for item in (natdsl " + CompleteCommandName + " (commandline -cp) 2>/dev/null)\n" +
        "        if test \"$item\" = '" + FilesMarker + "'\n" +
        "            __fish_complete_path \"$token\"\n" +
        "        else\n" +
        "            echo $item\n" +
        "        end\n" +
        "    end\n" +
        "end\n" +
        "complete -c natdsl -f -a '(__natdsl_complete)'\n";
}
